import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PLAIN_TABLE } from '../constants';
import { LINK_TABLE, TABLE } from '../database/strapi-tables';
import type { RecipientListItem, RecipientStatus, SkipReason } from '../../../shared/campaigns';
import { deliveryFields, isoOrNull, rowsOf } from '../database/sql-row';

/**
 * A campaign's recipients (the plain table of schema/migrations.ts). Why SQL: a launch
 * writes every recipient in one statement, the listing and the stats join recipients to their
 * messages for 10,000 rows at a time, and pause/cancel/retry change many rows at once under the
 * campaign's lock. None of that is a Document Service operation. The launch's insert is in
 * audiences/recipients-sql.ts (the audience as SQL).
 */

const R = PLAIN_TABLE.campaignRecipient;
const M = TABLE.message;


/**
 * A recipient's status as the API shows it, in SQL: its message's status once dispatched,
 * `pending` while waiting, else `skipped` / `canceled`. Same rule as domain/campaign-recipient.ts.
 */
export const STATUS_SQL = `CASE r.state WHEN 'dispatched' THEN COALESCE(m.status, 'pending') WHEN 'waiting' THEN 'pending' ELSE r.state END`;

/** The candidate wrote to us after the campaign message was created (any inbound message); `r` the recipient, `m` its message. */
export const REPLIED_AT_SQL = `(SELECT min(i.created_at) FROM ${LINK_TABLE.messageCandidate} li JOIN ${M} i ON i.id = li.message_id
                          WHERE li.candidate_id = r.candidate_id AND i.direction = 'inbound' AND i.created_at > m.created_at)`;


export const createCampaignRecipientsRepository = (strapi: Core.Strapi) => {
  const db = (trx?: Knex.Transaction): Knex => (trx ?? strapi.db.connection) as Knex;

  return {
    /** Recipients per status and skip reason (one row per group). */
    async countByStatus(campaignId: number): Promise<Array<{ status: string; skipReason: string | null; count: number }>> {
      const result = await db().raw(
        `SELECT ${STATUS_SQL} AS status, r.skip_reason, count(*)::int AS n
           FROM ${R} r LEFT JOIN ${M} m ON m.id = r.message_id
          WHERE r.campaign_id = ?
          GROUP BY 1, 2`,
        [campaignId]
      );
      return rowsOf(result).map((row) => ({ status: String(row.status), skipReason: (row.skip_reason as string | null) ?? null, count: Number(row.n) }));
    },

    /**
     * Recipients who wrote to us after their campaign message was created: the conversation the
     * message is in (one per candidate and sender) has had an inbound message since.
     */
    async countReplied(campaignId: number): Promise<number> {
      const result = await db().raw(
        `SELECT count(*)::int AS n
           FROM ${R} r
           JOIN ${M} m ON m.id = r.message_id
           JOIN ${LINK_TABLE.messageConversation} l ON l.message_id = m.id
           JOIN ${TABLE.conversation} cv ON cv.id = l.conversation_id
          WHERE r.campaign_id = ? AND r.state = 'dispatched' AND cv.last_inbound_at > m.created_at`,
        [campaignId]
      );
      return Number(rowsOf(result)[0]?.n ?? 0);
    },

    /** One page of recipients in launch order, optionally only those with the given statuses. */
    async list(campaignId: number, query: { statuses: RecipientStatus[] | null; page: number; pageSize: number }) {
      const filter = query.statuses ? `AND ${STATUS_SQL} = ANY(CAST(? AS varchar[]))` : '';
      const filterParams = query.statuses ? [query.statuses] : [];
      const [page, total] = await Promise.all([
        db().raw(
          `SELECT r.state, r.skip_reason, r.skip_detail, r.dispatched_at, ${STATUS_SQL} AS status,
                  c.document_id AS candidate_document_id, c.name AS candidate_name, c.phone AS candidate_phone,
                  m.document_id AS message_document_id, m.status AS message_status, m.twilio_sid, m.error_code, m.error_message,
                  m.sent_at, m.delivered_at, m.read_at, m.failed_at,
                  CASE WHEN m.id IS NOT NULL THEN ${REPLIED_AT_SQL} END AS replied_at
             FROM ${R} r
             LEFT JOIN ${M} m ON m.id = r.message_id
             LEFT JOIN ${TABLE.candidate} c ON c.id = r.candidate_id
            WHERE r.campaign_id = ? ${filter}
            ORDER BY r.id
            LIMIT ? OFFSET ?`,
          [campaignId, ...filterParams, query.pageSize, (query.page - 1) * query.pageSize]
        ),
        db().raw(
          `SELECT count(*)::int AS n FROM ${R} r LEFT JOIN ${M} m ON m.id = r.message_id WHERE r.campaign_id = ? ${filter}`,
          [campaignId, ...filterParams]
        ),
      ]);
      const items: RecipientListItem[] = rowsOf(page).map((row) => ({
        candidate: row.candidate_document_id
          ? {
              documentId: String(row.candidate_document_id),
              name: (row.candidate_name as string | null) ?? null,
              phone: (row.candidate_phone as string | null) ?? null,
            }
          : null,
        status: row.status as RecipientStatus,
        skipReason: (row.skip_reason as SkipReason | null) ?? null,
        skipDetail: (row.skip_detail as string | null) ?? null,
        dispatchedAt: isoOrNull(row.dispatched_at),
        repliedAt: isoOrNull(row.replied_at),
        message: row.message_document_id
          ? {
              documentId: String(row.message_document_id),
              status: String(row.message_status),
              twilioSid: (row.twilio_sid as string | null) ?? null,
              ...deliveryFields(row),
            }
          : null,
      }));
      return { items, total: Number(rowsOf(total)[0]?.n ?? 0) };
    },

    /**
     * Pause/cancel: messages handed to the outbox that no attempt has claimed yet (no lease, never
     * started) are taken back, in one statement under their row locks, so the outbox (its sweeper
     * included) can no longer send them. Messages already claimed — those a dispatcher is about to
     * send within its current group (~40 ms), or a whole batch when the bucket lets batches go at
     * once — keep their lease and go out. The recipients go to `toState` (waiting on pause,
     * canceled on cancel). Returns how many were taken back.
     */
    async takeBackUnsent(trx: Knex.Transaction, campaignId: number, toState: 'waiting' | 'canceled'): Promise<number> {
      const result = await db(trx).raw(
        `WITH unsent AS (
           SELECT m.id FROM ${R} r JOIN ${M} m ON m.id = r.message_id
            WHERE r.campaign_id = ? AND r.state = 'dispatched'
              AND m.status = 'pending' AND m.twilio_sid IS NULL AND m.send_started_at IS NULL
              AND COALESCE(m.send_attempts, 0) = 0
              AND (m.send_locked_until IS NULL OR m.send_locked_until < now())
            FOR UPDATE OF m SKIP LOCKED
         ),
         removed AS (DELETE FROM ${M} WHERE id IN (SELECT id FROM unsent) RETURNING id)
         UPDATE ${R} SET state = ?, message_id = NULL, dispatched_at = NULL, updated_at = now()
          WHERE campaign_id = ? AND message_id IN (SELECT id FROM removed)`,
        [campaignId, toState, campaignId]
      );
      return Number((result as { rowCount?: number }).rowCount ?? 0);
    },

    /**
     * Cancel: waiting recipients will not be sent. Messages that are only waiting for a retry
     * after a refusal (certainly not accepted by Twilio, not in anyone's hands) are cancelled too;
     * one whose last attempt has an unknown outcome stays with the outbox, which must find out.
     */
    async cancelRemaining(trx: Knex.Transaction, campaignId: number): Promise<void> {
      await db(trx).raw(`UPDATE ${R} SET state = 'canceled', updated_at = now() WHERE campaign_id = ? AND state = 'waiting'`, [campaignId]);
      await db(trx).raw(
        `UPDATE ${M} m SET status = 'canceled', next_attempt_at = NULL, updated_at = now()
           FROM ${R} r
          WHERE r.campaign_id = ? AND r.state = 'dispatched' AND m.id = r.message_id
            AND m.status = 'pending' AND m.twilio_sid IS NULL AND m.send_started_at IS NULL
            AND (m.send_locked_until IS NULL OR m.send_locked_until < now())`,
        [campaignId]
      );
    },

    /** Retry-failed: recipients whose message failed or was undelivered wait again. */
    async requeueFailed(trx: Knex.Transaction, campaignId: number): Promise<number> {
      const result = await db(trx).raw(
        `UPDATE ${R} r SET state = 'waiting', retry_of_message_id = r.message_id, message_id = NULL,
                dispatched_at = NULL, updated_at = now()
           FROM ${M} m
          WHERE r.campaign_id = ? AND r.state = 'dispatched' AND m.id = r.message_id
            AND m.status IN ('failed', 'undelivered')`,
        [campaignId]
      );
      return Number((result as { rowCount?: number }).rowCount ?? 0);
    },

    /** The sender the campaign was launched from (its dispatcher's); null before the launch. */
    async senderOf(trx: Knex.Transaction, campaignId: number): Promise<string | null> {
      const row = rowsOf(await db(trx).raw(`SELECT sender FROM ${R} WHERE campaign_id = ? LIMIT 1`, [campaignId]))[0];
      return row ? String(row.sender) : null;
    },

    /** The campaign was deleted: its recipients go with it (messages stay, as history). */
    async deleteForCampaigns(campaignIds: number[]): Promise<void> {
      if (campaignIds.length === 0) return;
      await db().raw(`DELETE FROM ${R} WHERE campaign_id = ANY(CAST(? AS integer[]))`, [campaignIds]);
    },
  };
};

export type CampaignRecipientsRepository = ReturnType<typeof createCampaignRecipientsRepository>;
