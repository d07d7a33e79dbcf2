import type { Core } from '@strapi/strapi';
import { STATUS_SYNC_ENV, statusSyncOptions, statusSyncSchedule } from '../../domain/sync-pacing';
import type { JOB } from '../../jobs/names';
import type { JobHandler } from '../../jobs/queue';
import { getService } from '../../utils/get-service';
import { parseInput } from '../../validation/parse';
import { syncRunJobSchema } from '../validation';

/**
 * The status sync schedule's tick (cron in jobs/names.ts, from WHATSAPP_STATUS_SYNC_INTERVAL):
 * records a run over everything pending and queues it. pg-boss fires a schedule on one
 * instance at a time, and the run itself is one per scope across instances.
 */
export const createStatusSyncTickHandler = (strapi: Core.Strapi): JobHandler<typeof JOB.statusSync> => {
  const schedule = statusSyncSchedule(process.env[STATUS_SYNC_ENV.interval]);
  const { minAgeMinutes, share, warnings } = statusSyncOptions(process.env);
  for (const warning of [...(schedule.warning ? [schedule.warning] : []), ...warnings]) strapi.log.warn(`[whatsapp] ${warning}`);
  strapi.log.info(
    schedule.enabled
      ? `[whatsapp] message statuses sync from Twilio every ${schedule.minutes} min (${schedule.cron}), for messages older than ${minAgeMinutes} min, within ${share} of the sender's rate`
      : `[whatsapp] scheduled status sync is off (${STATUS_SYNC_ENV.interval})`
  );

  return async () => {
    // A schedule saved by an earlier configuration outlives a change of the variable.
    if (!schedule.enabled) return;
    await getService(strapi, 'status-sync').sync.tick();
  };
};

/** One run, requested on demand or by the tick. */
export const createStatusSyncRunHandler =
  (strapi: Core.Strapi): JobHandler<typeof JOB.statusSyncRun> =>
  async (payload) => {
    const { runId } = parseInput(syncRunJobSchema, payload, 'Invalid status-sync-run job payload');
    await getService(strapi, 'status-sync').sync.execute(runId);
  };
