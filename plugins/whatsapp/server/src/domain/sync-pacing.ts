/**
 * How often the status sync runs, what it looks at, and how fast it may ask Twilio.
 * Pure rules, no Strapi imports: read from the environment by jobs/names.ts and the service.
 */
import { syncIntervalToCron, type SyncSchedule } from './template-sync-schedule';

export const STATUS_SYNC_ENV = {
  /** Minutes between scheduled runs (default 10; `0` or `off` turns the schedule off). */
  interval: 'WHATSAPP_STATUS_SYNC_INTERVAL',
  /** A message is checked by the schedule once it is this many minutes old (default 5). */
  minAge: 'WHATSAPP_STATUS_SYNC_MIN_AGE',
  /** Share of the sender's budget (WHATSAPP_MPS) the sync may use for Twilio calls (default 0.2). */
  share: 'WHATSAPP_STATUS_SYNC_SHARE',
} as const;

export const STATUS_SYNC_DEFAULTS = { intervalMinutes: 10, minAgeMinutes: 5, share: 0.2 } as const;

/**
 * Floor of the sync's request rate. The shared sandbox sender is limited to one message every
 * 3 s: that limit is WhatsApp's on deliveries, not Twilio's on reading a message, so a fifth
 * of it (one fetch every 15 s) would only make the sync useless in the sandbox.
 */
export const MIN_REQUESTS_PER_SECOND = 1;

export const statusSyncSchedule = (raw: string | undefined): SyncSchedule => {
  const value = raw?.trim().toLowerCase();
  const fallback = syncIntervalToCron(STATUS_SYNC_DEFAULTS.intervalMinutes);
  if (value === undefined || value === '') return { enabled: true, ...fallback };
  if (value === '0' || value === 'off' || value === 'false') return { enabled: false };
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    return {
      enabled: true,
      ...fallback,
      warning: `${STATUS_SYNC_ENV.interval}="${raw}" is not a number of minutes; using ${STATUS_SYNC_DEFAULTS.intervalMinutes}`,
    };
  }
  const schedule = syncIntervalToCron(minutes);
  return {
    enabled: true,
    ...schedule,
    ...(schedule.minutes !== minutes
      ? { warning: `${STATUS_SYNC_ENV.interval}=${raw}: statuses are synced every ${schedule.minutes} minutes (the closest cron interval)` }
      : {}),
  };
};

export type StatusSyncOptions = { minAgeMinutes: number; share: number; warnings: string[] };

const numberOr = (raw: string | undefined, fallback: number, valid: (value: number) => boolean) => {
  if (raw === undefined || raw.trim() === '') return { value: fallback, bad: false };
  const value = Number(raw.trim());
  return valid(value) ? { value, bad: false } : { value: fallback, bad: true };
};

/** Minimum age and budget share from the environment; unreadable values fall back with a warning. */
export const statusSyncOptions = (env: Record<string, string | undefined>): StatusSyncOptions => {
  const warnings: string[] = [];
  const minAge = numberOr(env[STATUS_SYNC_ENV.minAge], STATUS_SYNC_DEFAULTS.minAgeMinutes, (value) => Number.isFinite(value) && value >= 0);
  if (minAge.bad) warnings.push(`${STATUS_SYNC_ENV.minAge}="${env[STATUS_SYNC_ENV.minAge]}" is not a number of minutes; using ${minAge.value}`);
  const share = numberOr(env[STATUS_SYNC_ENV.share], STATUS_SYNC_DEFAULTS.share, (value) => Number.isFinite(value) && value > 0 && value <= 1);
  if (share.bad) warnings.push(`${STATUS_SYNC_ENV.share}="${env[STATUS_SYNC_ENV.share]}" is not a share between 0 and 1; using ${share.value}`);
  return { minAgeMinutes: minAge.value, share: share.value, warnings };
};

/**
 * Twilio calls per second one run may make: its share of the sender's budget, split between
 * the runs going on at the same time (on any instance), never below the floor in total.
 */
export const requestsPerSecond = (mps: number, share: number, activeRuns: number): number => {
  const budget = Math.max(MIN_REQUESTS_PER_SECOND, (Number.isFinite(mps) && mps > 0 ? mps : 0) * share);
  return budget / Math.max(1, Math.floor(activeRuns));
};

/**
 * Start times for Twilio calls, one every `1 / rate` seconds. After a 429 the interval doubles
 * (up to 16 times the base) and each call that goes through brings it back a step, so a run
 * that meets Twilio's limit slows down rather than stopping.
 */
export const createPacer = (ratePerSecond: number, now: () => number = Date.now) => {
  let baseMs = 1000 / ratePerSecond;
  let factor = 1;
  let nextAt = 0;
  return {
    /** Milliseconds to wait before the next call may start; reserves that slot. */
    reserve(): number {
      const at = Math.max(now(), nextAt);
      nextAt = at + baseMs * factor;
      return at - now();
    },
    setRate(rate: number) {
      baseMs = 1000 / rate;
    },
    slowDown() {
      factor = Math.min(16, factor * 2);
    },
    recover() {
      factor = Math.max(1, factor / 2);
    },
    intervalMs: () => baseMs * factor,
  };
};

export type Pacer = ReturnType<typeof createPacer>;

/** Wait before retrying a call Twilio refused with 429 or failed with a 5xx (attempt from 1). */
export const syncRetryDelayMs = (attempt: number, random: () => number = Math.random): number => {
  const ceiling = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
};
