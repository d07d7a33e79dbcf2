import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LINK_TABLE, TABLE } from '../database/strapi-tables';
import type { RunChange, RunCounters, RunError, StuckMessageView, SyncRunState, SyncRunTrigger } from '../../../shared/sync-status';
import { FINAL_STATUSES, WAITING_STATUSES, WAITING_STUCK_CODES, type StuckCode } from '../domain/sync-diagnosis';
import type { SyncScope } from '../domain/sync-scope';
import { rowsOf } from '../database/sql-row';

/**
 * Status sync runs and the messages they check.
 *
 * Why SQL and not the Document Service: "one run at a time per scope across all instances" is
 * an INSERT that a partial unique index refuses while another run of that scope is queued or
 * running, which the Document Service cannot express; and picking candidates joins messages to
 * their conversation, template, campaign and callback events, for thousands of rows, in one
 * statement. Status changes themselves are not written here: they go through
 * status-sync/message-status.ts like every callback.
 */

/** A run still under way: the predicate of the schema's one-active-run-per-scope index. */
export const SYNC_RUN_ACTIVE = `state IN ('queued', 'running')`;
const ACTIVE = SYNC_RUN_ACTIVE;

export type RunRow = RunCounters & {
  id: number;
  documentId: string;
  scopeKey: string;
  scope: SyncScope;
  trigger: SyncRunTrigger;
  state: SyncRunState;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
  errors: RunError[];
  changes: RunChange[];
  failureReason: string | null;
};

export type Candidate = {
  id: number;
  documentId: string;
  twilioSid: string;
  status: string;
  createdAt: Date;
  lastInboundAt: Date | null;
  isTemplate: boolean;
  callbacksReceived: number;
};

export type CandidateFilter = {
  scope: SyncScope;
  /** Only messages created at or before this (the minimum age); null: no minimum. */
  createdBefore: Date | null;
  /** Only messages created after this (the schedule's look-back); null: no limit. */
  createdAfter: Date | null;
  /** Leave out messages an earlier check found missing at Twilio. */
  skipNotFound: boolean;
  limit: number;
};

/** A stuck message as read from its row; the API names `documentId` `id`. */
export type StuckMessage = Omit<StuckMessageView, 'id'> & { documentId: string };

type Row = Record<string, unknown>;

const toDate = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string));
// Strapi has the pg driver return JSONB as text.
const fromJson = <T>(value: unknown, fallback: T): T => {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
};

const toRun = (row: Row): RunRow => ({
  id: Number(row.id),
  documentId: String(row.document_id),
  scopeKey: String(row.scope_key),
  scope: fromJson<SyncScope>(row.scope, { kind: 'all' }),
  trigger: row.trigger as SyncRunTrigger,
  state: row.state as SyncRunState,
  createdAt: toDate(row.created_at)!,
  startedAt: toDate(row.started_at),
  finishedAt: toDate(row.finished_at),
  heartbeatAt: toDate(row.heartbeat_at),
  total: Number(row.total ?? 0),
  checked: Number(row.checked ?? 0),
  changed: Number(row.changed ?? 0),
  stuck: Number(row.stuck ?? 0),
  errorCount: Number(row.error_count ?? 0),
  rateLimited: Number(row.rate_limited ?? 0),
  errors: fromJson<RunError[]>(row.error_details, []),
  changes: fromJson<RunChange[]>(row.changes, []),
  failureReason: (row.failure_reason as string | null) ?? null,
});

const RUN_COLUMNS = `id, document_id, scope_key, scope, trigger, state, created_at, started_at, finished_at, heartbeat_at,
  total, checked, changed, stuck, error_count, rate_limited, error_details, changes, failure_reason`;

export const createStatusSyncRepository = (strapi: Core.Strapi) => {
  const db = (trx?: Knex.Transaction): Knex => (trx ?? strapi.db.connection) as Knex;
  const R = TABLE.syncRun;
  const M = TABLE.message;

  return {
    /** Marks as failed an active run of this scope that stopped making progress (its instance died). */
    async abandonStale(trx: Knex.Transaction, scopeKey: string, now: Date, staleRunningMs: number, staleQueuedMs: number) {
      await trx.raw(
        `UPDATE ${R} SET state = 'failed', finished_at = :now, updated_at = :now,
                failure_reason = 'Abandoned: the run stopped making progress (its app instance stopped or crashed).'
          WHERE scope_key = :scopeKey AND ${ACTIVE}
            AND ((state = 'running' AND COALESCE(heartbeat_at, started_at, created_at) < :runningCutoff)
              OR (state = 'queued' AND created_at < :queuedCutoff))`,
        {
          now,
          scopeKey,
          runningCutoff: new Date(now.getTime() - staleRunningMs),
          queuedCutoff: new Date(now.getTime() - staleQueuedMs),
        }
      );
    },

    /** A queued run, unless one of the same scope is already queued or running (then null). */
    async insertQueued(
      trx: Knex.Transaction,
      run: { documentId: string; scopeKey: string; scope: SyncScope; trigger: SyncRunTrigger; now: Date }
    ): Promise<RunRow | null> {
      const result = await trx.raw(
        `INSERT INTO ${R} (document_id, scope_key, scope, trigger, state, total, checked, changed, stuck, error_count,
                           rate_limited, error_details, changes, created_at, updated_at, published_at)
         VALUES (:documentId, :scopeKey, CAST(:scope AS jsonb), :trigger, 'queued', 0, 0, 0, 0, 0, 0,
                 '[]'::jsonb, '[]'::jsonb, :now, :now, :now)
         ON CONFLICT (scope_key) WHERE ${ACTIVE} DO NOTHING
         RETURNING ${RUN_COLUMNS}`,
        { ...run, scope: JSON.stringify(run.scope) }
      );
      const row = rowsOf(result)[0];
      return row ? toRun(row) : null;
    },

    async findActive(scopeKey: string, trx?: Knex.Transaction): Promise<RunRow | null> {
      const result = await db(trx).raw(`SELECT ${RUN_COLUMNS} FROM ${R} WHERE scope_key = ? AND ${ACTIVE} LIMIT 1`, [scopeKey]);
      const row = rowsOf(result)[0];
      return row ? toRun(row) : null;
    },

    async findRun(documentId: string): Promise<RunRow | null> {
      const result = await db().raw(`SELECT ${RUN_COLUMNS} FROM ${R} WHERE document_id = ? LIMIT 1`, [documentId]);
      const row = rowsOf(result)[0];
      return row ? toRun(row) : null;
    },

    async listActive(): Promise<RunRow[]> {
      const result = await db().raw(`SELECT ${RUN_COLUMNS} FROM ${R} WHERE ${ACTIVE} ORDER BY created_at DESC, id DESC`);
      return rowsOf(result).map(toRun);
    },

    async listRuns(limit: number): Promise<RunRow[]> {
      const result = await db().raw(`SELECT ${RUN_COLUMNS} FROM ${R} ORDER BY created_at DESC, id DESC LIMIT ?`, [limit]);
      return rowsOf(result).map(toRun);
    },

    /** Queued → running, once: a job run twice (retry, redelivery) gets null the second time. */
    async claim(documentId: string, now: Date): Promise<RunRow | null> {
      const result = await db().raw(
        `UPDATE ${R} SET state = 'running', started_at = :now, heartbeat_at = :now, updated_at = :now
          WHERE document_id = :documentId AND state = 'queued'
        RETURNING ${RUN_COLUMNS}`,
        { documentId, now }
      );
      const row = rowsOf(result)[0];
      return row ? toRun(row) : null;
    },

    /** Runs making progress right now, on any instance (they share the sync's budget). */
    async countRunning(now: Date, staleRunningMs: number): Promise<number> {
      const result = await db().raw(`SELECT count(*)::int AS n FROM ${R} WHERE state = 'running' AND heartbeat_at >= ?`, [
        new Date(now.getTime() - staleRunningMs),
      ]);
      return Number(rowsOf(result)[0]?.n ?? 0);
    },

    /** Counters and details so far, and the heartbeat that says the run is alive. */
    async saveProgress(id: number, counters: RunCounters, details: { errors: RunError[]; changes: RunChange[] }, now: Date) {
      await db().raw(
        `UPDATE ${R} SET total = :total, checked = :checked, changed = :changed, stuck = :stuck, error_count = :errorCount,
                rate_limited = :rateLimited, error_details = CAST(:errors AS jsonb), changes = CAST(:changes AS jsonb),
                heartbeat_at = :now, updated_at = :now
          WHERE id = :id`,
        { id, ...counters, errors: JSON.stringify(details.errors), changes: JSON.stringify(details.changes), now }
      );
    },

    async finish(id: number, state: 'completed' | 'failed', failureReason: string | null, now: Date) {
      await db().raw(
        `UPDATE ${R} SET state = :state, failure_reason = :failureReason, finished_at = :now, heartbeat_at = :now, updated_at = :now
          WHERE id = :id`,
        { id, state, failureReason, now }
      );
    },

    /** Keeps the newest `keep` finished runs. */
    async pruneRuns(keep: number) {
      await db().raw(
        `DELETE FROM ${R} WHERE id IN (
           SELECT id FROM ${R} WHERE state IN ('completed', 'failed') ORDER BY created_at DESC, id DESC OFFSET ?)`,
        [keep]
      );
    },

    async campaignExists(documentId: string): Promise<boolean> {
      const result = await db().raw(`SELECT 1 FROM ${TABLE.campaign} WHERE document_id = ? LIMIT 1`, [documentId]);
      return rowsOf(result).length > 0;
    },

    /** Which of these message documentIds exist. */
    async existingMessages(documentIds: string[]): Promise<Set<string>> {
      const result = await db().raw(`SELECT DISTINCT document_id FROM ${M} WHERE document_id = ANY(CAST(:ids AS varchar[]))`, {
        ids: documentIds,
      });
      return new Set(rowsOf(result).map((row) => String(row.document_id)));
    },

    /**
     * Outbound messages Twilio has (a SID) and that are short of a final status, in the scope,
     * least recently checked first so a capped run rotates through a large backlog. Also the
     * facts the diagnosis needs: the candidate's last inbound time on this conversation,
     * whether it is a template, and how many status callbacks ever arrived for it.
     */
    async findCandidates(filter: CandidateFilter): Promise<Candidate[]> {
      const { scope } = filter;
      const result = await db().raw(
        `SELECT m.id, m.document_id, m.twilio_sid, m.status, m.created_at, conv.last_inbound_at,
                EXISTS (SELECT 1 FROM ${LINK_TABLE.messageTemplate} tl WHERE tl.message_id = m.id) AS is_template,
                (SELECT count(*) FROM ${TABLE.statusEvent} e
                  WHERE e.message_sid = m.twilio_sid AND COALESCE(e.source, 'callback') = 'callback')::int AS callbacks
           FROM ${M} m
           LEFT JOIN ${LINK_TABLE.messageConversation} ml ON ml.message_id = m.id
           LEFT JOIN ${TABLE.conversation} conv ON conv.id = ml.conversation_id
          WHERE m.direction = 'outbound'
            AND m.twilio_sid IS NOT NULL
            AND m.status = ANY(CAST(:waiting AS varchar[]))
            AND (CAST(:createdBefore AS timestamp) IS NULL OR m.created_at <= :createdBefore)
            AND (CAST(:createdAfter AS timestamp) IS NULL OR m.created_at > :createdAfter)
            AND (NOT CAST(:skipNotFound AS boolean) OR m.stuck_code IS DISTINCT FROM 'NOT_FOUND_AT_TWILIO')
            AND (CAST(:messageIds AS varchar[]) IS NULL OR m.document_id = ANY(CAST(:messageIds AS varchar[])))
            AND (CAST(:campaign AS varchar) IS NULL OR m.id IN (
                  SELECT cl.message_id FROM ${LINK_TABLE.messageCampaign} cl
                    JOIN ${TABLE.campaign} c ON c.id = cl.campaign_id
                   WHERE c.document_id = CAST(:campaign AS varchar)))
          ORDER BY m.last_synced_at NULLS FIRST, m.created_at, m.id
          LIMIT :limit`,
        {
          waiting: [...WAITING_STATUSES],
          createdBefore: filter.createdBefore,
          createdAfter: filter.createdAfter,
          skipNotFound: filter.skipNotFound,
          messageIds: scope.kind === 'messages' ? scope.messages : null,
          campaign: scope.kind === 'campaign' ? scope.campaign : null,
          limit: filter.limit,
        }
      );
      return rowsOf(result).map((row) => ({
        id: Number(row.id),
        documentId: String(row.document_id),
        twilioSid: String(row.twilio_sid),
        status: String(row.status),
        createdAt: toDate(row.created_at)!,
        lastInboundAt: toDate(row.last_inbound_at),
        isTemplate: Boolean(row.is_template),
        callbacksReceived: Number(row.callbacks ?? 0),
      }));
    },

    /**
     * When the message was last checked and what the check concluded (null: nothing wrong).
     * `updated_at` moves only when the conclusion does, so a message re-checked with the same
     * result does not look edited.
     */
    async saveDiagnosis(messageId: number, diagnosis: { code: StuckCode; reason: string } | null, now: Date) {
      await db().raw(
        `UPDATE ${M} SET last_synced_at = :now,
                updated_at = CASE WHEN stuck_code IS DISTINCT FROM CAST(:code AS varchar) OR stuck_reason IS DISTINCT FROM CAST(:reason AS text)
                                  THEN :now ELSE updated_at END,
                stuck_code = CAST(:code AS varchar), stuck_reason = CAST(:reason AS text)
          WHERE id = :id`,
        { id: messageId, now, code: diagnosis?.code ?? null, reason: diagnosis?.reason ?? null }
      );
    },

    /**
     * A flag that only describes a waiting message ("not delivered yet") is stale once a
     * callback brought the message to a final status: cleared at the start of every run.
     */
    async clearSettledFlags(now: Date): Promise<number> {
      const result = await db().raw(
        `UPDATE ${M} SET stuck_code = NULL, stuck_reason = NULL, updated_at = :now
          WHERE stuck_code = ANY(CAST(:codes AS varchar[])) AND status = ANY(CAST(:final AS varchar[]))`,
        { now, codes: [...WAITING_STUCK_CODES], final: [...FINAL_STATUSES] }
      );
      return (result as { rowCount?: number }).rowCount ?? 0;
    },

    /** Outbound messages short of a final status: all of them, and those the schedule would check now. */
    async countAwaiting(checkCutoff: Date, lookBack: Date): Promise<{ awaitingFinal: number; awaitingCheck: number }> {
      const result = await db().raw(
        `SELECT count(*)::int AS awaiting_final,
                (count(*) FILTER (WHERE twilio_sid IS NOT NULL AND created_at <= :checkCutoff AND created_at > :lookBack
                                  AND stuck_code IS DISTINCT FROM 'NOT_FOUND_AT_TWILIO'))::int AS awaiting_check
           FROM ${M}
          WHERE direction = 'outbound' AND status = ANY(CAST(:waiting AS varchar[]))`,
        { checkCutoff, lookBack, waiting: [...WAITING_STATUSES] }
      );
      const row = rowsOf(result)[0] ?? {};
      return { awaitingFinal: Number(row.awaiting_final ?? 0), awaitingCheck: Number(row.awaiting_check ?? 0) };
    },

    /** Messages flagged by a check since `since` whose flag still applies, most recently checked first. */
    async stuckSummary(since: Date, limit: number): Promise<{ total: number; byCode: Record<string, number>; messages: StuckMessage[] }> {
      const where = `stuck_code IS NOT NULL AND last_synced_at >= :since
        AND NOT (stuck_code = ANY(CAST(:waitingCodes AS varchar[])) AND status = ANY(CAST(:final AS varchar[])))`;
      const params = { since, waitingCodes: [...WAITING_STUCK_CODES], final: [...FINAL_STATUSES], limit };
      const counts = await db().raw(`SELECT stuck_code, count(*)::int AS n FROM ${M} WHERE ${where} GROUP BY stuck_code`, params);
      const byCode: Record<string, number> = {};
      let total = 0;
      for (const row of rowsOf(counts)) {
        byCode[String(row.stuck_code)] = Number(row.n);
        total += Number(row.n);
      }
      const listed = await db().raw(
        `SELECT document_id, status, twilio_sid, stuck_code, stuck_reason, last_synced_at, created_at
           FROM ${M} WHERE ${where} ORDER BY last_synced_at DESC, id DESC LIMIT :limit`,
        params
      );
      return {
        total,
        byCode,
        messages: rowsOf(listed).map((row) => ({
          documentId: String(row.document_id),
          status: String(row.status),
          twilioSid: (row.twilio_sid as string | null) ?? null,
          stuckCode: String(row.stuck_code),
          stuckReason: (row.stuck_reason as string | null) ?? null,
          lastSyncedAt: toDate(row.last_synced_at),
          createdAt: toDate(row.created_at)!,
        })),
      };
    },
  };
};

export type StatusSyncRepository = ReturnType<typeof createStatusSyncRepository>;
