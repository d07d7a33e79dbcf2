/**
 * What the admin campaign routes answer (`GET /whatsapp/campaigns`, `GET /whatsapp/campaigns/:id`),
 * shared by the server that builds it and the admin pages that read it.
 */
import { checkTransition, type CampaignAction } from './campaign-state';
import { MESSAGE_STATUSES, type CampaignState, type MessageStatus } from './statuses';

export const SKIP_REASONS = ['opted_out', 'invalid_phone', 'duplicate_phone', 'missing_variable', 'candidate_deleted'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * A recipient's status: its message's status once it has one, `pending` while it waits for the
 * dispatcher (accepted by us, not yet by Twilio, as for a message), `skipped` when it is not sent
 * and `canceled` when the campaign was cancelled before its turn.
 */
export type RecipientStatus = Exclude<MessageStatus, 'received'> | 'skipped';
export const RECIPIENT_STATUSES: readonly RecipientStatus[] = [
  ...MESSAGE_STATUSES.filter((status): status is Exclude<MessageStatus, 'received'> => status !== 'received'),
  'skipped',
];

export type SkippedCounts = Record<SkipReason, number>;

/** A campaign's `stats`: recipients per status, who replied, and why some were skipped. */
export type CampaignStats = Record<RecipientStatus, number> & {
  total: number;
  /** Recipients who wrote to us after their campaign message was created. */
  replied: number;
  skippedBy: SkippedCounts;
};

/** `GET /whatsapp/campaigns/:id/recipients`: one recipient. */
export type RecipientListItem = {
  candidate: { documentId: string; name: string | null; phone: string | null } | null;
  status: RecipientStatus;
  skipReason: SkipReason | null;
  skipDetail: string | null;
  dispatchedAt: string | null;
  repliedAt: string | null;
  message: {
    documentId: string;
    status: string;
    twilioSid: string | null;
    errorCode: number | null;
    errorMessage: string | null;
    sentAt: string | null;
    deliveredAt: string | null;
    readAt: string | null;
    failedAt: string | null;
  } | null;
};

export type { CampaignAction, CampaignState };

export type AdminCampaignView = {
  documentId: string;
  name: string;
  state: CampaignState;
  stateReason: string | null;
  scheduledAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  template: { documentId: string; name: string; approvalStatus: string } | null;
  stats: CampaignStats;
  /** Recipients the dispatcher is done with, out of all of them. */
  progress: { handled: number; total: number };
};

/**
 * A recipient is handled once it no longer waits for the dispatcher: handed to Twilio, skipped or
 * cancelled. `pending` is the only status still waiting on us.
 */
export const campaignProgress = (stats: Pick<CampaignStats, 'total' | 'pending'>) => ({
  handled: Math.max(0, stats.total - stats.pending),
  total: stats.total,
});

/** Whether the campaign's state lets `action` run (the server answers 409 otherwise). */
export const actionAllowed = (action: CampaignAction, state: CampaignState) => checkTransition(action, state).ok;
