import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createCampaignRecipientsRepository } from './recipients-sql';
import { createCampaignRecordRepository } from './record-sql';
import { conflictError } from '../utils/http-error';
import { getService } from '../utils/get-service';
import { lockForAction, readCampaign } from './transition';
import { recordCampaignAction } from './audit-entry';
import { currentActor } from '../utils/request-actor';
import { SYSTEM_ACTOR, type Actor } from '../../../shared/audit';

/**
 * Pause, resume, cancel and retry-failed. Each runs in one transaction under the campaign's row
 * lock; the dispatcher claims recipients under a share lock on the same row, so an action and a
 * claim never interleave.
 */
export const createCampaignActionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const recipients = createCampaignRecipientsRepository(strapi);
  const records = createCampaignRecordRepository(strapi);
  /** Queues the dispatcher of the sender the campaign was launched from (not necessarily ours). */
  const kickDispatcher = async (trx: Knex.Transaction, campaignId: number) => {
    const sender = await recipients.senderOf(trx, campaignId);
    if (sender) await getService(strapi, 'campaigns').dispatcher.kick({ sender, trx });
  };

  const pause = async (documentId: string, stateReason: string | null, actor: Actor) => {
    await strapi.db.transaction(async ({ trx }) => {
      const campaign = await lockForAction(strapi, trx, documentId, 'pause');
      // Handed to the outbox but untouched: back to waiting, so nothing more leaves while paused.
      await recipients.takeBackUnsent(trx, campaign.id, 'waiting');
      await records.setState(trx, campaign.id, { state: campaign.next, stateReason });
      await recordCampaignAction(strapi, trx, campaign, 'campaign.pause', actor, stateReason ? { reason: stateReason } : {});
    });
  };

  return {
    /** `actor` (here and below): who asked, by default whoever made the request being served. */
    async pause(documentId: string, actor: Actor = currentActor(strapi)) {
      await pause(documentId, null, actor);
      return readCampaign(strapi, documentId);
    },

    /** The dispatcher stops a campaign it can no longer send (its template was paused, disabled, deleted). */
    async pauseBecause(documentId: string, reason: string) {
      await pause(documentId, reason, SYSTEM_ACTOR);
      strapi.log.warn(`[whatsapp] campaign ${documentId} paused: ${reason}`);
    },

    async resume(documentId: string, actor: Actor = currentActor(strapi)) {
      await strapi.db.transaction(async ({ trx }) => {
        const campaign = await lockForAction(strapi, trx, documentId, 'resume');
        await records.setState(trx, campaign.id, { state: campaign.next, stateReason: null });
        await recordCampaignAction(strapi, trx, campaign, 'campaign.resume', actor);
        await kickDispatcher(trx, campaign.id);
      });
      return readCampaign(strapi, documentId);
    },

    async cancel(documentId: string, actor: Actor = currentActor(strapi)) {
      await strapi.db.transaction(async ({ trx }) => {
        const campaign = await lockForAction(strapi, trx, documentId, 'cancel');
        await recipients.takeBackUnsent(trx, campaign.id, 'canceled');
        await recipients.cancelRemaining(trx, campaign.id);
        await records.setState(trx, campaign.id, { state: campaign.next, stateReason: null });
        await recordCampaignAction(strapi, trx, campaign, 'campaign.cancel', actor);
      });
      return readCampaign(strapi, documentId);
    },

    /**
     * Recipients whose message failed or was undelivered are sent again, each as a new message
     * linked to the failed one by `retryOf`; the failures stay on record. 409 when none failed.
     */
    async retryFailed(documentId: string, actor: Actor = currentActor(strapi)) {
      await strapi.db.transaction(async ({ trx }) => {
        const campaign = await lockForAction(strapi, trx, documentId, 'retry-failed');
        const requeued = await recipients.requeueFailed(trx, campaign.id);
        if (requeued === 0) {
          throw conflictError('No recipient of this campaign has a failed or undelivered message to retry.', { code: 'NOTHING_TO_RETRY' });
        }
        if (campaign.next !== campaign.state) {
          await records.setState(trx, campaign.id, { state: campaign.next, completedAt: null, stateReason: null });
        }
        if (campaign.next === 'running') await kickDispatcher(trx, campaign.id);
        await recordCampaignAction(strapi, trx, campaign, 'campaign.retry-failed', actor, { requeued });
      });
      return readCampaign(strapi, documentId);
    },
  };
};

export type CampaignActionsService = ReturnType<typeof createCampaignActionsService>;
