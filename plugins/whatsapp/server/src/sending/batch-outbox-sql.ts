import type { Core } from '@strapi/strapi';
import { REALTIME_CHANNEL, UID } from '../constants';
import { TABLE, defaultColumns, jsonParam, newDocumentId, type DefaultColumns } from '../database/strapi-tables';
import { eventRank } from '../domain/status-rank';
import { toEventEntry } from '../status-sync/message-status-sql';
import { prepareStatement, runPrepared, type PreparedStatement } from '../database/prepared-statement';
import { hasNoSid, notifyStatus, rankOf, STATUS_EVENT_COLUMNS } from '../status-sync/status-sql';
import { rowsOf } from '../database/sql-row';

/**
 * The outbox steps of a campaign send, for a batch at a time. They are the steps of
 * sending/outbox-sql.ts (claim, attempt started, SID recorded) and of the status service (the
 * send's own status, applied by rank, its event kept once per (MessageSid, status)) — the same
 * conditions and the same rule (domain/status-rank.ts) — but one statement per batch instead of
 * several round trips and a Document Service read per message, which is what lets a dispatcher
 * keep up with hundreds of sends a second. Anything but a plain acceptance goes back to the
 * one-message path (sending/delivery.ts).
 */

const M = TABLE.message;


/** Statuses Twilio answers a Message create with that prove no milestone and end nothing. */
export const PLAIN_ACCEPTED_STATUSES: ReadonlySet<string> = new Set(['accepted', 'scheduled', 'queued', 'sending']);

/** Twilio's answer for one message: its SID and, when known, the status it reported (null when a callback already told us). */
export type AcceptedSend = {
  id: number;
  documentId: string;
  sid: string;
  status: string | null;
  sentAt: Date | null;
  errorCode?: number | null;
  errorMessage?: string | null;
};

/**
 * Stores each SID (only on a message without one, and only a SID no other message holds) and ends
 * the outbox's work on the message; records the send's status event once per (MessageSid,
 * status) and, when recorded, applies it by rank and appends it to the message's events, then
 * announces the change like every status path does. A status a callback already moved past
 * stays where it is.
 */
const recordSql = (event: DefaultColumns) => `
WITH input AS (
  SELECT * FROM unnest(
    CAST(:ids AS integer[]), CAST(:documentIds AS varchar[]), CAST(:sids AS varchar[]), CAST(:statuses AS varchar[]),
    CAST(:ranks AS numeric[]), CAST(:sentAts AS timestamp[]), CAST(:eventDocumentIds AS varchar[]), CAST(:entries AS jsonb[])
  ) AS t(id, document_id, sid, status, rank, sent_at, event_document_id, entry)
),
free AS (
  SELECT input.* FROM input WHERE NOT EXISTS (SELECT 1 FROM ${M} taken WHERE taken.twilio_sid = input.sid)
),
-- Locked in id order before any update, as the callbacks' statement does (status-sync/message-status-sql.ts).
locked AS (
  SELECT m.id FROM ${M} m WHERE m.id IN (SELECT id FROM free) ORDER BY m.id FOR UPDATE
),
event AS (
  INSERT INTO ${TABLE.statusEvent}
    (document_id, message_sid, message_document_id, status, error_code, error_message, payload, received_at, source,
     applied_at, created_at, updated_at, published_at${event.columns})
  SELECT event_document_id, sid, document_id, status, NULL, NULL, NULL, CAST(:now AS timestamp), 'send',
         CAST(:now AS timestamp), CAST(:now AS timestamp), CAST(:now AS timestamp), CAST(:now AS timestamp)${event.values}
  FROM free WHERE rank IS NOT NULL
  ON CONFLICT (message_sid, status) DO NOTHING
  RETURNING message_sid
),
updated AS (
  UPDATE ${M} AS m SET
    twilio_sid = free.sid,
    sent_at = COALESCE(m.sent_at, free.sent_at),
    status = CASE WHEN free.sid IN (SELECT message_sid FROM event) AND free.rank > ${rankOf('m.status')} THEN free.status ELSE m.status END,
    events = CASE WHEN free.sid IN (SELECT message_sid FROM event) THEN COALESCE(m.events, '[]'::jsonb) || jsonb_build_array(free.entry)
                  ELSE m.events END,
    send_started_at = NULL,
    send_locked_until = NULL,
    next_attempt_at = NULL,
    last_send_error = NULL,
    updated_at = CAST(:now AS timestamp)
  FROM free
  WHERE m.id = free.id AND ${hasNoSid('m')} AND (SELECT count(*) FROM locked) >= 0
  RETURNING m.id, m.document_id, m.status
)
SELECT updated.id, ${notifyStatus('updated')} AS notified
FROM updated
`;

// A named prepared statement (planned once per connection, like the webhook's): planning this
// CTE costs about as much as running it for a small batch.
const statements = new WeakMap<Core.Strapi, { statement: PreparedStatement; defaults: Record<string, unknown> }>();

const recordStatement = (strapi: Core.Strapi) => {
  let statement = statements.get(strapi);
  if (!statement) {
    const event = defaultColumns(strapi, UID.statusEvent, STATUS_EVENT_COLUMNS, 'event');
    statement = { statement: prepareStatement('whatsapp_campaign_record_accepted', recordSql(event)), defaults: event.params };
    statements.set(strapi, statement);
  }
  return statement;
};

export const createCampaignDeliveryRepository = (strapi: Core.Strapi) => ({
  /**
   * Takes fresh messages for one attempt: leased for `leaseSeconds` and marked as an attempt under
   * way before any request leaves (outbox.claim + outbox.markAttemptStarted, in one statement).
   * Returns the ids taken; a message someone else holds, or one taken back by a pause, is not.
   */
  async claimFresh(ids: number[], leaseSeconds: number): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const result = await strapi.db.connection.raw(
      `UPDATE ${M} AS m
          SET send_locked_until = now() + make_interval(secs => ?),
              send_started_at = now(),
              send_attempts = COALESCE(send_attempts, 0) + 1,
              next_attempt_at = NULL
        WHERE id = ANY(CAST(? AS integer[]))
          AND direction = 'outbound' AND ${hasNoSid('m')} AND status = 'pending' AND send_started_at IS NULL
          AND (send_locked_until IS NULL OR send_locked_until < now())
      RETURNING id`,
      [leaseSeconds, ids]
    );
    return new Set(rowsOf(result).map((row) => Number(row.id)));
  },

  /** Records Twilio's acceptance of several messages in one statement (see recordSql). Returns the ids updated. */
  async recordAccepted(accepted: AcceptedSend[], now: Date): Promise<Set<number>> {
    if (accepted.length === 0) return new Set();
    const { statement, defaults } = recordStatement(strapi);
    const plain = (item: AcceptedSend) => item.status !== null && PLAIN_ACCEPTED_STATUSES.has(item.status);
    const rows = await runPrepared<{ id: number }>(strapi, statement, {
      ...defaults,
      now,
      channel: REALTIME_CHANNEL,
      ids: accepted.map((item) => item.id),
      documentIds: accepted.map((item) => item.documentId),
      sids: accepted.map((item) => item.sid),
      statuses: accepted.map((item) => item.status),
      // Only a plain acceptance is applied here; anything else goes through the status service.
      ranks: accepted.map((item) => (plain(item) ? (eventRank(item.status!) ?? null) : null)),
      sentAts: accepted.map((item) => item.sentAt),
      eventDocumentIds: accepted.map(() => newDocumentId()),
      entries: accepted.map((item) =>
        plain(item) ? jsonParam(toEventEntry({ status: item.status!, at: now, source: 'send', errorCode: null, errorMessage: null })) : null
      ),
    });
    return new Set(rows.map((row) => Number(row.id)));
  },

  /**
   * The messages among `accepted` with statuses kept unapplied: callbacks that came before the
   * SID was stored and without our id (a Messaging Service's own callback URL). Rare; by SID only,
   * which the events' unique index serves.
   */
  async withPendingEvents(accepted: AcceptedSend[]): Promise<string[]> {
    if (accepted.length === 0) return [];
    const result = await strapi.db.connection.raw(
      `SELECT DISTINCT message_sid FROM ${TABLE.statusEvent} WHERE message_sid = ANY(CAST(? AS varchar[])) AND applied_at IS NULL`,
      [accepted.map((item) => item.sid)]
    );
    const waiting = new Set(rowsOf(result).map((row) => String(row.message_sid)));
    return accepted.filter((item) => waiting.has(item.sid)).map((item) => item.documentId);
  },
});

export type CampaignDeliveryRepository = ReturnType<typeof createCampaignDeliveryRepository>;
