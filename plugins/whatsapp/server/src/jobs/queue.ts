import type { Core } from '@strapi/strapi';
import { PgBoss, fromKnex, type JobResult, type JobWithMetadata, type KnexTransactionLike } from 'pg-boss';
import { pgConnectionOptions } from '../database/pg-connection';
import { JOB_SCHEMA, QUEUES, type JobName, type JobPayloads } from './names';

/**
 * A thin pg-boss wrapper: the queue in the app's own PostgreSQL (schema `whatsapp_jobs`), so
 * several app instances share work with nothing else to run. A leaf: it imports no handler
 * and no service; bootstrap.ts wires the handlers.
 */

/** The job as a handler sees it: its id and its pg-boss priority (higher is fetched first). */
export type JobHandler<N extends JobName> = (payload: JobPayloads[N], job: { id: string; priority: number }) => Promise<void>;

export type WorkOptions = {
  /** Workers on this instance, each fetching and running one batch at a time. */
  concurrency?: number;
  /** Jobs one fetch takes; a batch's jobs run side by side. */
  batchSize?: number;
  /** Only jobs of at least this priority (a worker kept free for them). */
  minPriority?: number;
  pollingSeconds?: number;
};

export type SendJobOptions = {
  /** Not before this time (a retry after a backoff). */
  startAfter?: Date;
  /**
   * The caller's open transaction (Strapi's knex `trx`): the job exists only if the
   * transaction commits, so a row and the job that processes it are written together.
   */
  trx?: KnexTransactionLike;
  /** Fetched before every job of lower priority (pg-boss orders by priority, then age). */
  priority?: number;
};

type TypeParser = (value: string) => unknown;
type PgTypes = { getTypeParser(oid: number, format?: string): TypeParser };

const JSON_OIDS = new Set([114, 3802]);

/**
 * Strapi tells the process-wide `pg` driver to hand JSONB back as text (it parses JSON
 * itself); pg-boss reads its job payloads as JSONB and expects objects. Its pool gets its own
 * type parsers: JSON parsed, everything else as the driver does.
 */
const pgBossTypes = (strapi: Core.Strapi): PgTypes => {
  const driver = (strapi.db.connection.client as unknown as { driver?: { types?: PgTypes } }).driver;
  const fallback = driver?.types;
  return {
    getTypeParser(oid, format = 'text') {
      if (JSON_OIDS.has(oid) && format === 'text') return (value) => JSON.parse(value);
      if (!fallback) return (value) => value;
      return fallback.getTypeParser(oid, format);
    },
  };
};

/**
 * Told about a failure before it is logged; answers true when it has reported it itself (an
 * unreachable database is reported once for the whole outage, not once per worker and poll).
 */
export type ErrorAbsorber = (error: unknown, what: string) => Promise<boolean>;

export const createQueueService = ({ strapi }: { strapi: Core.Strapi }) => {
  let boss: PgBoss | undefined;
  let absorb: ErrorAbsorber = async () => false;

  const running = (): PgBoss => {
    if (!boss) throw new Error('The WhatsApp job queue has not started');
    return boss;
  };

  return {
    async start(options: { absorbError?: ErrorAbsorber } = {}) {
      if (boss) return;
      if (options.absorbError) absorb = options.absorbError;
      const instance = new PgBoss({
        ...pgConnectionOptions(strapi),
        schema: JOB_SCHEMA,
        application_name: 'strapi-whatsapp-jobs',
        max: 4,
        // Workers wake on NOTIFY when a job is created, rather than on their next poll.
        useListenNotify: true,
        // Passed through to pg.Pool / pg.Client (not in pg-boss's own option types).
        ...({ types: pgBossTypes(strapi) } as object),
      });
      // pg-boss reports its own background failures here; without a listener Node would throw.
      instance.on('error', (error: Error) => {
        void absorb(error, 'job queue polls').then((absorbed) => {
          if (!absorbed) strapi.log.error(`[whatsapp] job queue: ${error.message}`);
        });
      });
      await instance.start();
      for (const [name, definition] of Object.entries(QUEUES) as [JobName, (typeof QUEUES)[JobName]][]) {
        const { cron, ...options } = definition;
        await instance.createQueue(name, { ...options, notify: true });
        // createQueue keeps an existing queue as it was: bring its options up to date.
        await instance.updateQueue(name, { ...options, notify: true });
        if (cron) await instance.schedule(name, cron, {}, { key: name });
      }
      boss = instance;
    },

    async stop() {
      const instance = boss;
      boss = undefined;
      // Graceful: running handlers finish (they hold a lease on their message anyway).
      await instance?.stop({ graceful: true, timeout: 10_000 });
    },

    isRunning: () => boss !== undefined,

    async send<N extends JobName>(name: N, payload: JobPayloads[N], options: SendJobOptions = {}): Promise<string | null> {
      return running().send(name, payload, {
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        ...(options.priority ? { priority: options.priority } : {}),
        ...(options.trx ? { db: fromKnex(options.trx) } : {}),
      });
    },

    /**
     * `pollingSeconds`: NOTIFY wakes workers for new jobs, but nothing wakes them when a
     * deferred job (a retry after a backoff) comes due, so they also poll this often. A worker
     * whose fetch came back full fetches again at once: pg-boss otherwise waits out the polling
     * interval after every batch, which caps a queue at one batch per worker per interval.
     * Each job of a batch succeeds or fails on its own (pg-boss retries only the failed ones).
     */
    async work<N extends JobName>(name: N, handler: JobHandler<N>, options: WorkOptions = {}) {
      const pollingSeconds = options.pollingSeconds ?? 5;
      const batchSize = options.batchSize ?? 1;
      const runOne = async (job: JobWithMetadata<JobPayloads[N]>): Promise<JobResult> => {
        try {
          await handler(job.data, { id: job.id, priority: job.priority });
          return { id: job.id, status: 'completed' };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // pg-boss retries the job; say why here (no payloads: they may name people).
          if (!(await absorb(error, 'jobs'))) strapi.log.error(`[whatsapp] job ${name} ${job.id} failed: ${message}`);
          return { id: job.id, status: 'failed', output: { message } };
        }
      };
      const workOptions = {
        localConcurrency: options.concurrency ?? 1,
        batchSize,
        burstWhenBatchFull: batchSize > 1,
        includeMetadata: true,
        perJobResults: true,
        ...(options.minPriority !== undefined ? { minPriority: options.minPriority } : {}),
        pollingIntervalSeconds: pollingSeconds,
        notifyPollingIntervalSeconds: pollingSeconds,
      } as const;
      await running().work<JobPayloads[N], unknown, typeof workOptions>(
        name,
        workOptions,
        (jobs: JobWithMetadata<JobPayloads[N]>[]) => Promise.all(jobs.map(runOne))
      );
    },
  };
};

export type QueueService = ReturnType<typeof createQueueService>;

declare module '../utils/get-service' {
  interface PluginServices {
    queue: QueueService;
  }
}
