import type { Core } from '@strapi/strapi';
import type { JOB } from '../../jobs/names';
import type { JobHandler } from '../../jobs/queue';
import { getService } from '../../utils/get-service';

/** Scheduled every minute: no pending message is left without a job to send it. */
export const createSweepOutboxHandler =
  (strapi: Core.Strapi): JobHandler<typeof JOB.sweepOutbox> =>
  async () => {
    await getService(strapi, 'sending').delivery.sweep();
  };
