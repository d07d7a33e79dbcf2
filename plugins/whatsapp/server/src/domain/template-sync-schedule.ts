/**
 * How often templates are synced from Twilio: `WHATSAPP_TEMPLATE_SYNC_INTERVAL` minutes
 * (default 60; `0` or `off` turns the schedule off). pg-boss schedules are cron expressions, so
 * the interval becomes the closest cron that runs at least as often as asked.
 */
export const TEMPLATE_SYNC_INTERVAL_ENV = 'WHATSAPP_TEMPLATE_SYNC_INTERVAL';
export const DEFAULT_TEMPLATE_SYNC_MINUTES = 60;

export type SyncSchedule =
  | { enabled: false; warning?: string }
  | { enabled: true; cron: string; minutes: number; warning?: string };

const MINUTE_STEPS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
const HOUR_STEPS = [1, 2, 3, 4, 6, 8, 12];

const largestAtMost = (steps: number[], limit: number) => [...steps].reverse().find((step) => step <= limit) ?? steps[0]!;

export const syncIntervalToCron = (minutes: number): { cron: string; minutes: number } => {
  if (minutes < 60) {
    const step = largestAtMost(MINUTE_STEPS, Math.max(1, Math.floor(minutes)));
    return { cron: step === 1 ? '* * * * *' : `*/${step} * * * *`, minutes: step };
  }
  if (minutes >= 24 * 60) return { cron: '0 0 * * *', minutes: 24 * 60 };
  const hours = largestAtMost(HOUR_STEPS, Math.floor(minutes / 60));
  return { cron: hours === 1 ? '0 * * * *' : `0 */${hours} * * *`, minutes: hours * 60 };
};

export const templateSyncSchedule = (raw: string | undefined): SyncSchedule => {
  const value = raw?.trim().toLowerCase();
  if (value === undefined || value === '') {
    return { enabled: true, ...syncIntervalToCron(DEFAULT_TEMPLATE_SYNC_MINUTES) };
  }
  if (value === '0' || value === 'off' || value === 'false') return { enabled: false };
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    return {
      enabled: true,
      ...syncIntervalToCron(DEFAULT_TEMPLATE_SYNC_MINUTES),
      warning: `${TEMPLATE_SYNC_INTERVAL_ENV}="${raw}" is not a number of minutes; using ${DEFAULT_TEMPLATE_SYNC_MINUTES}`,
    };
  }
  const schedule = syncIntervalToCron(minutes);
  return {
    enabled: true,
    ...schedule,
    ...(schedule.minutes !== minutes
      ? { warning: `${TEMPLATE_SYNC_INTERVAL_ENV}=${raw}: templates are synced every ${schedule.minutes} minutes (the closest cron interval)` }
      : {}),
  };
};
