import type { Core } from '@strapi/strapi';
import type { JOB } from '../../jobs/names';
import type { JobHandler } from '../../jobs/queue';
import { getService } from '../../utils/get-service';
import { parseInput } from '../../validation/parse';
import { campaignSchedulerPayloadSchema } from '../actions-validation';

/**
 * Scheduled launches. A job naming a campaign was queued for its `scheduledAt`; the minute cron
 * (no campaign) launches whatever is due and restarts dispatchers an instance crash left idle.
 */
export const createCampaignSchedulerHandler =
  (strapi: Core.Strapi): JobHandler<typeof JOB.campaignScheduler> =>
  async (payload) => {
    const { campaign } = parseInput(campaignSchedulerPayloadSchema, payload ?? {}, 'Invalid campaign-scheduler job payload');
    const launcher = getService(strapi, 'campaigns').launch;
    if (campaign) await launcher.launchScheduled(campaign);
    else await launcher.runScheduler();
  };
