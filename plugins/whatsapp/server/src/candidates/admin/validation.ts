import { z } from 'zod';
import { CANDIDATE_SORT_FIELDS } from '../../../../shared/candidates';
import { OPT_IN_STATES } from '../../../../shared/statuses';
import { candidateFieldsSchema } from '../validation';

/** `GET /candidates` (admin): one page, filtered and sorted. */
export const candidateListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    search: z.string().trim().max(100).optional(),
    tag: z.string().trim().min(1).max(64).optional(),
    optIn: z.enum(OPT_IN_STATES).optional(),
    /** Wrote to us (an inbound message) within the last N days. */
    wroteWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
    sort: z
      .string()
      .regex(new RegExp(`^(${CANDIDATE_SORT_FIELDS.join('|')}):(asc|desc)$`), `sort is <field>:<asc|desc>, field one of ${CANDIDATE_SORT_FIELDS.join(', ')}`)
      .default('createdAt:desc'),
  })
  .strict();

export type CandidateListQuery = z.output<typeof candidateListQuerySchema>;

export const tagsQuerySchema = z.object({ search: z.string().trim().max(64).optional() }).strict();

/** Staff set the state; the timestamps follow it (document-middlewares/candidate-rules.ts). */
const staffFields = candidateFieldsSchema.omit({ optInAt: true, optOutAt: true, optInSource: true });

export const adminCandidateCreateSchema = staffFields;

/**
 * An opted-out candidate asked for no more messages: staff may opt them back in only with the
 * reason on record (what the candidate said, and where).
 */
export const adminCandidateUpdateSchema = staffFields.partial().extend({
  optInReason: z.string().trim().min(3, 'Say why the candidate is opted back in (at least 3 characters)').max(500).optional(),
});

export type AdminCandidateUpdate = z.output<typeof adminCandidateUpdateSchema>;
