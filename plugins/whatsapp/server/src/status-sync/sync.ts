import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STATUS_CALLBACK_PATH, STATUS_SYNC } from '../constants';
import type { RunChange, RunCounters, RunError, RunView, SyncOverviewData, SyncRunTrigger } from '../../../shared/sync-status';
import { JOB } from '../jobs/names';
import { newDocumentId } from '../database/strapi-tables';
import { checkCredentials } from '../domain/send-rules';
import { requestsPerSecond, createPacer, STATUS_SYNC_ENV, statusSyncOptions, statusSyncSchedule } from '../domain/sync-pacing';
import { normalizeScope, scopeKey, type SyncScope } from '../domain/sync-scope';
import { createStatusSyncRepository, type Candidate, type RunRow } from './sync-sql';
import { unprocessableError } from '../utils/http-error';
import { getService } from '../utils/get-service';
import { createStatusSyncCheck, type CheckOutcome } from './check';
import { hostHints } from '../utils/host-hints';


export const toRunView = (run: RunRow): RunView => ({
  id: run.documentId,
  scope: run.scope,
  trigger: run.trigger,
  state: run.state,
  requestedAt: run.createdAt,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  total: run.total,
  checked: run.checked,
  changed: run.changed,
  stuck: run.stuck,
  errorCount: run.errorCount,
  rateLimited: run.rateLimited,
  errors: run.errors,
  changes: run.changes,
  failureReason: run.failureReason,
});

export type RunRequest = { run: RunView; alreadyRunning: boolean };

const SCHEDULE_SCOPE_KEY = 'schedule';

const invalidIn = (path: Array<string | number>, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: path.map(String), message, name: 'ValidationError' }] });

/** Runs `work` over the items, at most `limit` at a time, in order of start. */
const forEachLimited = async <T>(items: T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(lanes);
};

/**
 * Status sync: asks Twilio for the status of outbound messages whose callbacks may have been
 * lost, on a schedule and on demand. One run at a time per scope, across all instances (a
 * partial unique index on the run records); a second request for a scope gets the run already
 * queued or running. Runs are worked by the `whatsapp.status-sync-run` job.
 */
export const createStatusSyncService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = createStatusSyncRepository(strapi);
  const options = () => statusSyncOptions(process.env);

  const settings = () => getService(strapi, 'settings').getResolved();

  const assertScopeExists = async (scope: SyncScope) => {
    if (scope.kind === 'campaign' && !(await repo.campaignExists(scope.campaign))) {
      throw invalidIn(['campaign'], 'No campaign with this id');
    }
    if (scope.kind === 'messages') {
      const existing = await repo.existingMessages(scope.messages);
      const missing = scope.messages.findIndex((id) => !existing.has(id));
      if (missing !== -1) throw invalidIn(['messages', missing], 'No message with this id');
    }
  };

  /** The run records a queued run and its job in one transaction, or finds the active one. */
  const enqueue = async (scope: SyncScope, trigger: SyncRunTrigger): Promise<RunRequest> => {
    // The schedule has a key of its own: its runs skip young messages, so a request for
    // everything pending is not answered with a scheduled run, and ticks never overlap.
    const key = trigger === 'schedule' ? SCHEDULE_SCOPE_KEY : scopeKey(scope);
    const queue = getService(strapi, 'queue');
    // A run that finished between our INSERT and SELECT leaves nothing to return: try again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await strapi.db.transaction(async ({ trx }) => {
        const now = new Date();
        await repo.abandonStale(trx, key, now, STATUS_SYNC.staleRunningMs, STATUS_SYNC.staleQueuedMs);
        const inserted = await repo.insertQueued(trx, { documentId: newDocumentId(), scopeKey: key, scope, trigger, now });
        if (inserted) {
          await queue.send(JOB.statusSyncRun, { runId: inserted.documentId }, { trx });
          return { run: toRunView(inserted), alreadyRunning: false };
        }
        const active = await repo.findActive(key, trx);
        return active ? { run: toRunView(active), alreadyRunning: true } : null;
      });
      if (result) return result;
    }
    throw new Error(`[whatsapp] status sync: could not queue a run for scope ${key}`);
  };

  /**
   * The schedule checks messages old enough for their callbacks to be overdue, within a
   * look-back; a request checks everything in its scope short of a final status, now (staff
   * asked for the truth). Messages Twilio no longer has are only asked about when chosen.
   */
  const candidatesFor = (run: RunRow, now: Date): Promise<Candidate[]> => {
    const { minAgeMinutes } = options();
    const scheduled = run.trigger === 'schedule';
    return repo.findCandidates({
      scope: run.scope,
      createdBefore: scheduled ? new Date(now.getTime() - minAgeMinutes * 60_000) : null,
      createdAfter: scheduled ? new Date(now.getTime() - STATUS_SYNC.scheduledMaxAgeMs) : null,
      skipNotFound: run.scope.kind !== 'messages',
      limit: STATUS_SYNC.maxPerRun,
    });
  };

  /** Works a claimed run to the end; Twilio errors are recorded per message, never thrown. */
  const work = async (run: RunRow) => {
    const started = Date.now();
    const resolved = await settings();
    if (checkCredentials(resolved)) {
      await repo.finish(run.id, 'failed', 'Twilio is not configured: nothing was checked.', new Date());
      return;
    }
    const client = await getService(strapi, 'twilio').sdk();
    await repo.clearSettledFlags(new Date());

    const candidates = await candidatesFor(run, new Date());
    const counters: RunCounters = { total: candidates.length, checked: 0, changed: 0, stuck: 0, errorCount: 0, rateLimited: 0 };
    const runErrors: RunError[] = [];
    const changes: RunChange[] = [];
    const save = () => repo.saveProgress(run.id, counters, { errors: runErrors, changes }, new Date());
    await save();

    const { share } = options();
    const pacer = createPacer(requestsPerSecond(resolved.mps, share, 1));
    const check = createStatusSyncCheck(strapi, {
      client,
      settings: resolved,
      pacer,
      repo,
      onRateLimited: () => {
        counters.rateLimited += 1;
      },
    });

    const stop: { reason: string | null } = { reason: null };
    const tally = (candidate: Candidate, outcome: CheckOutcome) => {
      if (outcome.kind === 'fatal') {
        stop.reason = outcome.reason;
        return;
      }
      if (outcome.diagnosis) counters.stuck += 1;
      if (outcome.kind === 'error') {
        counters.errorCount += 1;
        if (runErrors.length < STATUS_SYNC.detailsPerRun) runErrors.push(outcome.error);
        return;
      }
      counters.checked += 1;
      if (outcome.to !== outcome.from) {
        counters.changed += 1;
        if (changes.length < STATUS_SYNC.detailsPerRun) changes.push({ messageId: candidate.documentId, from: outcome.from, to: outcome.to });
      }
    };

    for (let offset = 0; offset < candidates.length && !stop.reason; offset += STATUS_SYNC.batchSize) {
      if (Date.now() - started > STATUS_SYNC.maxRunMs) {
        strapi.log.warn(`[whatsapp] status sync run ${run.documentId}: time is up, ${candidates.length - offset} message(s) left for the next run`);
        break;
      }
      // The sync's share of the budget is split between the runs going on, on every instance.
      const running = await repo.countRunning(new Date(), STATUS_SYNC.staleRunningMs);
      pacer.setRate(requestsPerSecond(resolved.mps, share, running));
      const batch = candidates.slice(offset, offset + STATUS_SYNC.batchSize);
      await forEachLimited(batch, STATUS_SYNC.concurrency, async (candidate) => {
        if (stop.reason) return;
        tally(candidate, await check(candidate));
      });
      await save();
    }

    await repo.finish(run.id, stop.reason ? 'failed' : 'completed', stop.reason, new Date());
    const summary = `checked ${counters.checked}/${counters.total}, changed ${counters.changed}, stuck ${counters.stuck}, errors ${counters.errorCount}, 429s ${counters.rateLimited}`;
    if (stop.reason) strapi.log.error(`[whatsapp] status sync run ${run.documentId} stopped: ${stop.reason} (${summary})`);
    else strapi.log.info(`[whatsapp] status sync run ${run.documentId} (${run.trigger}, ${run.scopeKey.split(':')[0]}): ${summary}`);
  };

  return {
    /** On demand (REST or admin): 202 with the run, or the run of this scope already under way. */
    async request(scope: SyncScope): Promise<RunRequest> {
      const violation = checkCredentials(await settings(), hostHints());
      if (violation) throw unprocessableError(violation.code, violation.message);
      // Checked as given, so an error names the position the caller sent.
      await assertScopeExists(scope);
      return enqueue(normalizeScope(scope), 'manual');
    },

    /** The schedule's tick: a run over everything pending, unless one is already under way. */
    async tick(): Promise<RunRequest | null> {
      if (checkCredentials(await settings())) {
        strapi.log.debug('[whatsapp] scheduled status sync skipped: Twilio is not configured');
        return null;
      }
      const request = await enqueue({ kind: 'all' }, 'schedule');
      if (request.alreadyRunning) strapi.log.debug(`[whatsapp] scheduled status sync skipped: run ${request.run.id} is under way`);
      return request;
    },

    /** The run job: claims the run (once) and works it. */
    async execute(runId: string): Promise<void> {
      const run = await repo.claim(runId, new Date());
      if (!run) return;
      try {
        await work(run);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await repo.finish(run.id, 'failed', `The run stopped on an unexpected error: ${reason}`, new Date());
        throw error;
      }
      await repo.pruneRuns(STATUS_SYNC.keepRuns);
    },

    async findRun(id: string): Promise<RunView> {
      const run = await repo.findRun(id);
      if (!run) throw new errors.NotFoundError('No status sync run with this id');
      return toRunView(run);
    },

    /** What GET /sync-status shows: runs, what still awaits a final status, what looks stuck. */
    async overview(): Promise<SyncOverviewData> {
      const now = new Date();
      const resolved = await settings();
      const { minAgeMinutes, share } = options();
      const schedule = statusSyncSchedule(process.env[STATUS_SYNC_ENV.interval]);
      const [runs, active, awaiting, stuck] = await Promise.all([
        repo.listRuns(STATUS_SYNC.listRuns),
        repo.listActive(),
        repo.countAwaiting(new Date(now.getTime() - minAgeMinutes * 60_000), new Date(now.getTime() - STATUS_SYNC.scheduledMaxAgeMs)),
        repo.stuckSummary(new Date(now.getTime() - STATUS_SYNC.stuckWindowMs), STATUS_SYNC.listStuck),
      ]);
      return {
        current: active[0] ? toRunView(active[0]) : null,
        active: active.map(toRunView),
        runs: runs.map(toRunView),
        ...awaiting,
        stuck: {
          total: stuck.total,
          byCode: stuck.byCode,
          messages: stuck.messages.map(({ documentId, ...rest }) => ({ id: documentId, ...rest })),
        },
        schedule: {
          enabled: schedule.enabled,
          intervalMinutes: schedule.enabled ? schedule.minutes : null,
          minAgeMinutes,
          share,
          requestsPerSecond: requestsPerSecond(resolved.mps, share, 1),
        },
        // Where Twilio posts status callbacks (each message's URL adds ?messageId=<its id>).
        statusCallbackUrl: resolved.publicUrl ? `${resolved.publicUrl}${STATUS_CALLBACK_PATH}` : null,
      };
    },
  };
};

export type StatusSyncService = ReturnType<typeof createStatusSyncService>;
