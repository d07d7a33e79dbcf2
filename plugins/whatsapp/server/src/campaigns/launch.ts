import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { JOB } from '../jobs/names';
import { senderKeyOf } from '../domain/campaign-recipient';
import { checkConfigured } from '../domain/send-rules';
import { createCampaignRecordRepository } from './record-sql';
import { createCampaignDispatchRepository } from './dispatch-sql';
import { HttpStatusError, unprocessableError } from '../utils/http-error';
import { getService } from '../utils/get-service';
import { lockForAction, readCampaign } from './transition';
import { hostHints } from '../utils/host-hints';
import { recordCampaignAction } from './audit-entry';
import { currentActor } from '../utils/request-actor';
import { SYSTEM_ACTOR, type Actor } from '../../../shared/audit';

const incomplete = (message: string) => unprocessableError('CAMPAIGN_INCOMPLETE', message);

/** A refusal that a scheduled launch reports on the campaign instead of retrying. */
const isRefusal = (error: unknown): error is Error =>
  error instanceof HttpStatusError || error instanceof errors.ValidationError || error instanceof errors.NotFoundError;

/**
 * Launching a campaign, now or at its `scheduledAt`: every recipient is written in one statement,
 * in the transaction that moves the campaign to `running` and queues its dispatcher.
 */
export const createCampaignLaunchService = ({ strapi }: { strapi: Core.Strapi }) => {
  const records = createCampaignRecordRepository(strapi);

  /** `schedule`: only if the campaign is still scheduled and due (the job is just a wake-up). */
  const launch = async (documentId: string, trigger: 'manual' | 'schedule', actor: Actor): Promise<'launched' | 'not-due'> => {
    const settings = await getService(strapi, 'settings').getResolved();
    const notConfigured = checkConfigured(settings, hostHints());
    if (notConfigured) throw unprocessableError(notConfigured.code, notConfigured.message);
    const sender = senderKeyOf(settings)!;
    const started = Date.now();

    const result = await strapi.db.transaction(async ({ trx }) => {
      const campaign = await lockForAction(strapi, trx, documentId, 'launch');
      if (trigger === 'schedule' && (campaign.state !== 'scheduled' || !campaign.scheduledAt || campaign.scheduledAt.getTime() > Date.now() + 1_000)) {
        return null;
      }
      if (!campaign.templateDocumentId) throw incomplete('Choose a template for this campaign before launching it.');
      const template = await getService(strapi, 'templates').approval.requireApproved(campaign.templateDocumentId);
      const audiences = getService(strapi, 'audiences');
      const audience = audiences.normalize(campaign.audience);
      if (audiences.isEmpty(audience)) {
        throw unprocessableError('EMPTY_AUDIENCE', 'Choose candidates, tags or filters for this campaign before launching it.');
      }
      // One INSERT … SELECT: the audience is SQL, never a list in memory.
      const stats = await audiences.insertRecipients(
        trx,
        { id: campaign.id, sender, templateId: template.id },
        { audience, body: template.body, mapping: campaign.variableMapping }
      );
      if (stats.total === 0) {
        throw unprocessableError('EMPTY_AUDIENCE', 'No candidate matches the audience of this campaign.');
      }
      await records.setState(trx, campaign.id, { state: 'running', startedAt: 'now', completedAt: null, stateReason: null, stats });
      await getService(strapi, 'campaigns').dispatcher.kick({ sender, trx });
      await recordCampaignAction(strapi, trx, campaign, 'campaign.launch', actor, { trigger, recipients: stats.total, skipped: stats.skipped });
      return { stats, id: campaign.id };
    });
    if (!result) return 'not-due';
    strapi.log.info(
      `[whatsapp] campaign ${documentId} launched (${trigger}): ${result.stats.total} recipients, ${result.stats.skipped} skipped, in ${Date.now() - started} ms`
    );
    return 'launched';
  };

  return {
    /** `POST /campaigns/:id/launch`. */
    async launchNow(documentId: string, actor: Actor = currentActor(strapi)) {
      await launch(documentId, 'manual', actor);
      return readCampaign(strapi, documentId);
    },

    /**
     * A scheduled campaign whose time has come. A launch the rules refuse (template no longer
     * approved, empty audience, Twilio not configured) puts the campaign back to draft with the
     * reason in `stateReason`, rather than trying again every minute.
     */
    async launchScheduled(documentId: string): Promise<void> {
      try {
        await launch(documentId, 'schedule', SYSTEM_ACTOR);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        if (error instanceof HttpStatusError && error.status === 409) return;
        if (error instanceof errors.NotFoundError) return;
        await strapi.db.transaction(async ({ trx }) => {
          const campaign = await records.lock(trx, documentId);
          if (campaign?.state !== 'scheduled') return;
          await records.setState(trx, campaign.id, { state: 'draft', stateReason: `The scheduled launch was refused: ${error.message}` });
        });
        strapi.log.warn(`[whatsapp] scheduled campaign ${documentId} not launched: ${error.message}`);
      }
    },

    /** Wakes the scheduler at `scheduledAt` for this campaign (the minute cron is the safety net). */
    async planLaunch(documentId: string, scheduledAt: Date): Promise<void> {
      await getService(strapi, 'queue').send(JOB.campaignScheduler, { campaign: documentId }, { startAfter: scheduledAt });
    },

    /** The minute cron: launches what is due and makes sure every running campaign has a dispatcher. */
    async runScheduler(): Promise<void> {
      for (const documentId of await records.findDueScheduled(50)) await this.launchScheduled(documentId);
      const dispatch = getService(strapi, 'campaigns').dispatcher;
      for (const sender of await createCampaignDispatchRepository(strapi).sendersWithRunningCampaigns()) {
        await dispatch.kick({ sender });
      }
    },
  };
};

export type CampaignLaunchService = ReturnType<typeof createCampaignLaunchService>;
