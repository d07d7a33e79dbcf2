import type { Core } from '@strapi/strapi';
import { TEMPLATE_SYNC_INTERVAL_ENV, templateSyncSchedule } from '../../domain/template-sync-schedule';
import type { JOB } from '../../jobs/names';
import type { JobHandler } from '../../jobs/queue';
import { getService } from '../../utils/get-service';

/**
 * The scheduled template sync (cron in jobs/names.ts, from WHATSAPP_TEMPLATE_SYNC_INTERVAL).
 * pg-boss runs a schedule on one instance at a time; the sync itself also serialises its writes.
 */
export const createTemplateSyncHandler = (strapi: Core.Strapi): JobHandler<typeof JOB.templateSync> => {
  const schedule = templateSyncSchedule(process.env[TEMPLATE_SYNC_INTERVAL_ENV]);
  if (schedule.warning) strapi.log.warn(`[whatsapp] ${schedule.warning}`);
  strapi.log.info(
    schedule.enabled
      ? `[whatsapp] templates sync from Twilio every ${schedule.minutes} min (${schedule.cron})`
      : `[whatsapp] scheduled template sync is off (${TEMPLATE_SYNC_INTERVAL_ENV})`,
  );

  return async () => {
    // A schedule saved by an earlier configuration outlives a change of the variable.
    if (!schedule.enabled) return;
    const settings = await getService(strapi, 'settings').getResolved();
    if (settings.mode === 'unconfigured') {
      strapi.log.debug('[whatsapp] scheduled template sync skipped: Twilio is not configured');
      return;
    }
    await getService(strapi, 'templates').sync.run({ trigger: 'schedule' });
  };
};
