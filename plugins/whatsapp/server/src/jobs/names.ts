/**
 * Job queues (pg-boss) and their payloads. Queue options are the queue's own retry rules for a
 * handler that crashed or threw; the send rules (429 backoff, reconcile) live in the services.
 */
import { TEMPLATE_SYNC_INTERVAL_ENV, templateSyncSchedule } from '../domain/template-sync-schedule';
import { STATUS_SYNC_ENV, statusSyncSchedule } from '../domain/sync-pacing';

const statusSyncCron = () => {
  const schedule = statusSyncSchedule(process.env[STATUS_SYNC_ENV.interval]);
  return schedule.enabled ? schedule.cron : undefined;
};

const templateSyncCron = () => {
  const schedule = templateSyncSchedule(process.env[TEMPLATE_SYNC_INTERVAL_ENV]);
  return schedule.enabled ? schedule.cron : undefined;
};

export const JOB = {
  /** Hand one pending outbound message to Twilio (or find out whether it already was). */
  sendMessage: 'whatsapp.send-message',
  /** Re-enqueue pending outbound messages that no job is looking after. */
  sweepOutbox: 'whatsapp.sweep-outbox',
  /** Import and refresh templates from Twilio's Content API. */
  templateSync: 'whatsapp.template-sync',
  /** The status sync schedule's tick: asks for a run over everything pending. */
  statusSync: 'whatsapp.status-sync',
  /** One status sync run (scheduled or requested), by its run record. */
  statusSyncRun: 'whatsapp.status-sync-run',
  /** One run of the campaign dispatcher of a sender. */
  campaignDispatch: 'whatsapp.campaign-dispatch',
  /** Launches scheduled campaigns when due: every minute, and at a campaign's `scheduledAt`. */
  campaignScheduler: 'whatsapp.campaign-scheduler',
  /** One run (dry run or import) of a candidate import, by the import's id. */
  candidateImport: 'whatsapp.candidate-import',
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

export type JobPayloads = {
  [JOB.sendMessage]: { messageId: string };
  [JOB.sweepOutbox]: Record<string, never>;
  [JOB.templateSync]: Record<string, never>;
  [JOB.statusSync]: Record<string, never>;
  [JOB.statusSyncRun]: { runId: string };
  [JOB.campaignDispatch]: { sender: string; hops?: number; handedOverBy?: string };
  /** With a campaign: launch it if due. Without (the cron): launch every due campaign. */
  [JOB.campaignScheduler]: { campaign?: string };
  [JOB.candidateImport]: { importId: string };
};

export type QueueDefinition = {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  /** A cron schedule (pg-boss runs it on one instance at a time). */
  cron?: string;
};

export const QUEUES: Record<JobName, QueueDefinition> = {
  // A crashed or expired send job is run again; the handler reconciles before re-sending.
  [JOB.sendMessage]: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 90 },
  [JOB.sweepOutbox]: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 120, cron: '* * * * *' },
  // Every WHATSAPP_TEMPLATE_SYNC_INTERVAL minutes (default 60); no cron when it is 0/off. A failed
  // run is not retried: the next one comes soon enough.
  [JOB.templateSync]: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 300, cron: templateSyncCron() },
  // Every WHATSAPP_STATUS_SYNC_INTERVAL minutes (default 10; none when 0/off). The tick only
  // records a run and queues it, so it is short; a missed tick is made up by the next.
  [JOB.statusSync]: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60, cron: statusSyncCron() },
  // A run stops taking messages after STATUS_SYNC.maxRunMs (45 min), well inside this. Not
  // retried: a crashed run is marked abandoned and the next request or tick starts afresh.
  [JOB.statusSyncRun]: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 3600 },
  // A run lasts ~20 s and queues the next one itself; a run that threw is tried again. Expiry is far
  // beyond a run: a dead instance's run is replaced at once anyway (its advisory lock dies with it).
  [JOB.campaignDispatch]: { retryLimit: 3, retryDelay: 2, retryBackoff: true, expireInSeconds: 300 },
  [JOB.campaignScheduler]: { retryLimit: 2, retryDelay: 10, retryBackoff: false, expireInSeconds: 120, cron: '* * * * *' },
  // Not retried: a run records its own failure on the import, and a second run would report
  // the rows the first one already wrote as unchanged.
  [JOB.candidateImport]: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 3600 },
};

/** pg-boss keeps its tables in this schema of the app's database. */
export const JOB_SCHEMA = 'whatsapp_jobs';
