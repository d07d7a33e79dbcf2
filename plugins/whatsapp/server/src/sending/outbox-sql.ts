import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLE } from '../database/strapi-tables';
import { JOB, JOB_SCHEMA } from '../jobs/names';
import { rowsOf } from '../database/sql-row';

/**
 * The outbox state of outbound messages: who may talk to Twilio about a message, what the
 * last attempt did, and what Twilio answered.
 *
 * Why SQL and not the Document Service: every write here is a compare-and-set ("only if still
 * pending / unlocked / without a SID") that must be one atomic statement, because two workers
 * (a retried job and a sweeper's copy, or two app instances) can reach the same message at
 * once. The Document Service has no conditional update; a read-then-write would let both send.
 */

export type ClaimedMessage = {
  id: number;
  documentId: string;
  sendAttempts: number;
  /** Non-null: an earlier attempt's outcome is unknown; Twilio must be asked first. */
  sendStartedAt: Date | null;
  lastSendError: string | null;
};


const toDate = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string));


export const createOutboxRepository = (strapi: Core.Strapi) => {
  const db = (trx?: Knex.Transaction): Knex => (trx ?? strapi.db.connection) as Knex;
  const T = TABLE.message;

  return {
    /**
     * Takes the message for one worker for `leaseSeconds`, if it still needs sending and its
     * next attempt is due. Null when another worker holds it or there is nothing to do.
     */
    async claim(documentId: string, leaseSeconds: number): Promise<ClaimedMessage | null> {
      const result = await db().raw(
        `UPDATE ${T}
            SET send_locked_until = now() + make_interval(secs => ?)
          WHERE document_id = ?
            AND direction = 'outbound'
            AND twilio_sid IS NULL
            -- A status callback (it carries our id) may have moved the status on while an
            -- attempt's answer was lost: such a message still needs its SID recorded.
            AND (status = 'pending' OR send_started_at IS NOT NULL)
            AND (send_locked_until IS NULL OR send_locked_until < now())
            AND (next_attempt_at IS NULL OR next_attempt_at <= now() + interval '1 second')
        RETURNING id, document_id, send_attempts, send_started_at, last_send_error`,
        [leaseSeconds, documentId]
      );
      const row = rowsOf(result)[0];
      if (!row) return null;
      return {
        id: Number(row.id),
        documentId: String(row.document_id),
        sendAttempts: Number(row.send_attempts ?? 0),
        sendStartedAt: toDate(row.send_started_at),
        lastSendError: (row.last_send_error as string | null) ?? null,
      };
    },

    /**
     * Marks an attempt under way before the request leaves: if we crash or the answer is lost,
     * `send_started_at` stays set and says "ask Twilio first". It keeps the first unresolved
     * attempt's time, the start of the window a reconcile looks through.
     */
    async markAttemptStarted(id: number): Promise<void> {
      await db().raw(
        `UPDATE ${T}
            SET send_started_at = COALESCE(send_started_at, now()),
                send_attempts = COALESCE(send_attempts, 0) + 1,
                next_attempt_at = NULL
          WHERE id = ?`,
        [id]
      );
    },

    /**
     * The attempt did not go through (429, 5xx, timeout). `outcomeUnknown` keeps
     * `send_started_at`, so the next attempt reconciles before sending. Runs in the caller's
     * transaction together with the job that makes the next attempt.
     */
    async recordRetry(
      trx: Knex.Transaction,
      id: number,
      retry: { error: string; nextAttemptAt: Date; outcomeUnknown: boolean }
    ): Promise<void> {
      await db(trx).raw(
        `UPDATE ${T}
            SET last_send_error = ?,
                next_attempt_at = ?,
                send_started_at = CASE WHEN ? THEN send_started_at ELSE NULL END,
                send_locked_until = NULL,
                updated_at = now()
          WHERE id = ?`,
        [retry.error, retry.nextAttemptAt, retry.outcomeUnknown, id]
      );
    },

    /**
     * Not sent yet for want of a token: the message waits until `at`, with nothing else about
     * it changed (not an attempt). Runs in the caller's transaction with the job that sends it then.
     */
    async defer(trx: Knex.Transaction, id: number, at: Date): Promise<void> {
      await db(trx).raw(`UPDATE ${T} SET next_attempt_at = ?, send_locked_until = NULL, updated_at = now() WHERE id = ?`, [at, id]);
    },

    /** A final refusal: the message ends `failed` with Twilio's code and message. */
    async recordFailed(id: number, failure: { code: number | null; message: string }): Promise<void> {
      await db().raw(
        `UPDATE ${T}
            SET status = 'failed',
                error_code = ?,
                error_message = ?,
                failed_at = now(),
                send_started_at = NULL,
                send_locked_until = NULL,
                next_attempt_at = NULL,
                updated_at = now()
          WHERE id = ? AND status = 'pending' AND twilio_sid IS NULL`,
        [failure.code, failure.message, id]
      );
    },

    /** Gives the message back (a handler ended early, e.g. on an error we did not foresee). */
    async release(id: number): Promise<void> {
      await db().raw(`UPDATE ${T} SET send_locked_until = NULL WHERE id = ?`, [id]);
    },

    /** The SIDs in `sids` that already belong to one of our messages. */
    async claimedSids(sids: string[]): Promise<Set<string>> {
      if (sids.length === 0) return new Set();
      const result = await db().raw(`SELECT twilio_sid FROM ${T} WHERE twilio_sid = ANY(?)`, [sids]);
      return new Set(rowsOf(result).map((row) => String(row.twilio_sid)));
    },

    /**
     * A status callback names our message id in its URL; one that arrived before we stored the
     * SID tells us the SID for certain. (The status-event table belongs to the webhook; read only.)
     */
    async sidFromStatusEvents(documentId: string): Promise<string | null> {
      const result = await db().raw(
        `SELECT message_sid FROM ${TABLE.statusEvent} WHERE message_document_id = ? ORDER BY id LIMIT 1`,
        [documentId]
      );
      const row = rowsOf(result)[0];
      return row ? String(row.message_sid) : null;
    },

    /**
     * Pending outbound messages nobody is working on and whose next attempt is overdue by
     * `overdueMs`: their job was lost (it failed for good, or the enqueue never committed). A
     * message with a send job still waiting or running (pg-boss states below `completed`:
     * created, retry, active) is not lost, only late: that job sends it. pg-boss's job table is
     * read directly because its API can only look jobs up one payload at a time.
     */
    async findOverdue(overdueMs: number, limit: number): Promise<string[]> {
      const result = await db().raw(
        `SELECT m.document_id FROM ${T} m
          WHERE m.direction = 'outbound'
            AND m.twilio_sid IS NULL
            AND (m.status = 'pending' OR m.send_started_at IS NOT NULL)
            AND (m.send_locked_until IS NULL OR m.send_locked_until < now())
            AND COALESCE(m.next_attempt_at, m.created_at) < now() - make_interval(secs => ?)
            AND NOT EXISTS (
              SELECT 1 FROM ${JOB_SCHEMA}.job j
               WHERE j.name = ? AND j.state < 'completed' AND j.data->>'messageId' = m.document_id
            )
          ORDER BY m.created_at
          LIMIT ?`,
        [overdueMs / 1000, JOB.sendMessage, limit]
      );
      return rowsOf(result).map((row) => String(row.document_id));
    },
  };
};

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
