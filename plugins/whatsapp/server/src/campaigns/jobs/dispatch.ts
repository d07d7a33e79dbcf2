import type { Core } from '@strapi/strapi';
import type { JOB } from '../../jobs/names';
import type { JobHandler } from '../../jobs/queue';
import { getService } from '../../utils/get-service';
import { parseInput } from '../../validation/parse';
import { campaignDispatchPayloadSchema } from '../actions-validation';

/** One dispatcher run for a sender (campaigns/dispatcher.ts); it queues the next run itself. */
export const createCampaignDispatchHandler =
  (strapi: Core.Strapi): JobHandler<typeof JOB.campaignDispatch> =>
  async (payload) => {
    const { sender, hops, handedOverBy } = parseInput(campaignDispatchPayloadSchema, payload, 'Invalid campaign-dispatch job payload');
    await getService(strapi, 'campaigns').dispatcher.run(sender, hops ?? 0, handedOverBy);
  };
