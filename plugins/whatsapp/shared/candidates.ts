/** What the admin candidate routes answer, shared by the server and the Candidates page. */
import type { OptInState } from './statuses';

export type { OptInState };

export type CandidateView = {
  documentId: string;
  name: string | null;
  phone: string;
  email: string | null;
  optIn: OptInState;
  optInAt: string | null;
  optInSource: string | null;
  optOutAt: string | null;
  tags: string[];
  attributes: Record<string, string | number | boolean | null>;
  lastInboundAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** `GET /whatsapp/candidates` sorts by one of these, ascending or descending. */
export const CANDIDATE_SORT_FIELDS = ['name', 'phone', 'createdAt', 'lastInboundAt'] as const;
export type CandidateSortField = (typeof CANDIDATE_SORT_FIELDS)[number];

/** `GET /whatsapp/candidates/tags`: tags in use, most used first. */
export type TagInUse = { tag: string; count: number };
