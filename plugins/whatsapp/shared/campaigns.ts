/**
 * What the admin campaign routes answer (`GET /whatsapp/campaigns`, `GET /whatsapp/campaigns/:id`),
 * shared by the server that builds it and the admin pages that read it.
 */
import { checkTransition, type CampaignAction } from '../server/src/domain/campaign-state';
import type { CampaignStats, RecipientStatus, SkipReason } from '../server/src/domain/campaign-recipient';
import type { CampaignState } from '../server/src/domain/statuses';
import type { RecipientListItem } from '../server/src/campaigns/recipients-sql';

export type { CampaignAction, CampaignStats, CampaignState, RecipientListItem, RecipientStatus, SkipReason };

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
