import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { REALTIME_CHANNEL, UID } from '../constants';
import { TABLE, defaultColumns, jsonParam, newDocumentId, type DefaultColumns } from '../database/strapi-tables';
import { eventRank, isFailureStatus, provenMilestones, STATUS_EVENTS_DIRECTION, type DeliveryState } from '../domain/status-rank';
import { splitIntoWaves } from '../domain/status-waves';
import { prepareStatement, runPreparedOn, type PreparedStatement } from '../database/prepared-statement';
import { queryRunner } from '../database/query-runner';
import { hasNoSid, notifyStatus, rankOf, STATUS_EVENT_COLUMNS } from './status-sql';

export type StatusEventInput = {
  messageSid: string;
  status: string;
  errorCode: number | null;
  errorMessage: string | null;
  /** Our message documentId when the StatusCallback URL carried it. */
  messageDocumentId: string | null;
  /** Every parameter received, kept as is. */
  payload: unknown;
  source: 'callback' | 'send' | 'sync';
  at: Date;
};

/** One entry of a message's `events` list. */
export type MessageEventEntry = {
  status: string;
  at: string;
  source: string;
  errorCode?: number;
  errorMessage?: string;
};

type EventFacts = {
  status: string;
  at: Date;
  source: string;
  errorCode: number | null;
  errorMessage: string | null;
};

export const toEventEntry = (event: EventFacts): MessageEventEntry => ({
  status: event.status,
  at: event.at.toISOString(),
  source: event.source,
  ...(event.errorCode !== null ? { errorCode: event.errorCode } : {}),
  ...(event.errorMessage !== null ? { errorMessage: event.errorMessage } : {}),
});

export type RecordedStatus = {
  /** false: this (MessageSid, status) was already recorded, nothing changed. */
  stored: boolean;
  /** Whether a message matched (it may still keep its status: an inbound one, a lower rank). */
  matched: boolean;
  /** The outbound message it was applied to, if one matched. */
  messageId: string | null;
  status: string | null;
};

const APPLIES = `(input.rank > ${rankOf('m.status')})`;

/**
 * Why SQL instead of the Document Service: Twilio sends a burst of callbacks per message, often
 * out of order and retried, hundreds a second while a campaign goes out. One statement records
 * a wave of events (the unique index on (message_sid, status) makes a retry a no-op on every app
 * instance) and applies each to its message under the row lock the UPDATE takes, comparing ranks
 * against the row as it is at that moment, so two callbacks for one message can never both win.
 * The rule is applyStatusEvent() in domain/status-rank.ts; the CASE expressions below are that
 * function, line for line. A wave holds at most one event per message (recordMany() splits a
 * batch into waves in arrival order), so each message row is updated once per statement; the
 * rows are locked in id order first, so two waves that touch the same messages wait for each
 * other instead of deadlocking.
 *
 * The message is found by Twilio's SID, or by our documentId from the StatusCallback URL while
 * the send has not yet recorded the SID (the outbox commits the row before calling Twilio, so it
 * is always there). Recording the SID stays the send's job (sending/outbox-sql.ts): a callback
 * only moves the status. An event that matches no message is kept with applied_at null, for
 * applyPendingEvents() once the message is known. An event for an inbound message is kept and
 * leaves the message as it is (only outbound messages move: receivesStatusEvents()).
 */
const recordSql = (event: DefaultColumns) => `
WITH input AS (
  SELECT * FROM unnest(
    CAST(:ords AS integer[]), CAST(:eventDocumentIds AS varchar[]), CAST(:messageSids AS varchar[]),
    CAST(:messageDocumentIds AS varchar[]), CAST(:statuses AS varchar[]), CAST(:errorCodes AS integer[]),
    CAST(:errorMessages AS text[]), CAST(:payloads AS jsonb[]), CAST(:sources AS varchar[]), CAST(:ats AS timestamp[]),
    CAST(:ranks AS numeric[]), CAST(:provenSents AS boolean[]), CAST(:provenDelivereds AS boolean[]),
    CAST(:provenReads AS boolean[]), CAST(:failures AS boolean[]), CAST(:entries AS jsonb[])
  ) AS t(ord, event_document_id, message_sid, message_document_id, status, error_code, error_message, payload, source, at,
         rank, proven_sent, proven_delivered, proven_read, is_failure, entry)
),
target AS (
  SELECT input.ord, found.id, found.document_id
  FROM input
  JOIN LATERAL (
    SELECT id, document_id FROM ${TABLE.message} WHERE twilio_sid = input.message_sid
    UNION ALL
    SELECT id, document_id FROM ${TABLE.message} AS m
    WHERE m.document_id = input.message_document_id AND ${hasNoSid('m')}
      AND NOT EXISTS (SELECT 1 FROM ${TABLE.message} WHERE twilio_sid = input.message_sid)
    LIMIT 1
  ) AS found ON true
),
locked AS (
  SELECT m.id FROM ${TABLE.message} m WHERE m.id IN (SELECT id FROM target) ORDER BY m.id FOR UPDATE
),
event AS (
  INSERT INTO ${TABLE.statusEvent}
    (document_id, message_sid, message_document_id, status, error_code, error_message, payload, received_at, source,
     applied_at, created_at, updated_at, published_at${event.columns})
  SELECT input.event_document_id, input.message_sid, COALESCE(input.message_document_id, target.document_id),
         input.status, input.error_code, input.error_message, input.payload, input.at, input.source,
         CASE WHEN target.id IS NOT NULL THEN input.at END, input.at, input.at, input.at${event.values}
  FROM input LEFT JOIN target ON target.ord = input.ord
  ON CONFLICT (message_sid, status) DO NOTHING
  RETURNING message_sid, status
),
stored AS (
  SELECT input.* FROM input JOIN event ON event.message_sid = input.message_sid AND event.status = input.status
),
updated AS (
  UPDATE ${TABLE.message} AS m SET
    status = CASE WHEN ${APPLIES} THEN input.status ELSE m.status END,
    sent_at = CASE WHEN input.proven_sent THEN COALESCE(m.sent_at, input.at) ELSE m.sent_at END,
    delivered_at = CASE WHEN input.proven_delivered THEN COALESCE(m.delivered_at, input.at) ELSE m.delivered_at END,
    read_at = CASE WHEN input.proven_read THEN COALESCE(m.read_at, input.at) ELSE m.read_at END,
    failed_at = CASE WHEN input.is_failure AND ${APPLIES} THEN COALESCE(m.failed_at, input.at) ELSE m.failed_at END,
    error_code = CASE WHEN input.is_failure AND ${APPLIES} AND m.error_code IS NULL AND m.error_message IS NULL
                      THEN input.error_code ELSE m.error_code END,
    error_message = CASE WHEN input.is_failure AND ${APPLIES} AND m.error_code IS NULL AND m.error_message IS NULL
                         THEN input.error_message ELSE m.error_message END,
    events = COALESCE(m.events, '[]'::jsonb) || jsonb_build_array(input.entry),
    updated_at = input.at
  FROM stored AS input JOIN target ON target.ord = input.ord
  -- count(*) reads \`locked\` whole, once, before any row is updated: every lock in id order first.
  WHERE m.id = target.id AND m.direction = '${STATUS_EVENTS_DIRECTION}' AND (SELECT count(*) FROM locked) >= 0
  RETURNING input.ord, m.id, m.document_id, m.status
)
SELECT input.ord,
       EXISTS (SELECT 1 FROM stored WHERE stored.ord = input.ord) AS stored,
       EXISTS (SELECT 1 FROM target WHERE target.ord = input.ord) AS matched,
       updated.document_id AS message_id,
       updated.status,
       CASE WHEN updated.id IS NOT NULL THEN ${notifyStatus('updated')} END AS notified
FROM input LEFT JOIN updated ON updated.ord = input.ord
ORDER BY input.ord
`;

type DeliveryRow = {
  id: number;
  direction: string | null;
  document_id: string;
  twilio_sid: string | null;
  status: string | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  read_at: Date | null;
  failed_at: Date | null;
  error_code: number | null;
  error_message: string | null;
};

export type PendingEvent = {
  id: number;
  status: string;
  errorCode: number | null;
  errorMessage: string | null;
  source: string;
  at: Date;
};

export type LockedMessage = {
  id: number;
  documentId: string;
  twilioSid: string | null;
  state: DeliveryState;
};

type RecordStatement = { statement: PreparedStatement; defaults: Record<string, unknown> };

// Built once per app: it depends on the loaded status-event model (its attribute defaults).
const statements = new WeakMap<Core.Strapi, RecordStatement>();

const recordStatement = (strapi: Core.Strapi): RecordStatement => {
  let statement = statements.get(strapi);
  if (!statement) {
    const event = defaultColumns(strapi, UID.statusEvent, STATUS_EVENT_COLUMNS, 'event');
    statement = { statement: prepareStatement('whatsapp_record_status', recordSql(event)), defaults: event.params };
    statements.set(strapi, statement);
  }
  return statement;
};

/** `trx`: run inside that transaction (applyPendingEvents); otherwise the caller's, or the pool. */
export const createMessageStatusRepository = (strapi: Core.Strapi, trx?: Knex.Transaction) => {
  const runner = async (): Promise<Knex> => trx ?? (await queryRunner(strapi));
  return {
    /**
     * Records status events (in arrival order) and applies each to its message: one statement
     * per wave (see splitIntoWaves), usually one for a whole burst. Answers one result per event.
     */
    async recordMany(events: readonly StatusEventInput[]): Promise<RecordedStatus[]> {
      const { statement, defaults } = recordStatement(strapi);
      const results: RecordedStatus[] = [];
      for (const wave of splitIntoWaves(events)) {
        const batch = wave.map((index) => events[index]!);
        const column = <T>(pick: (event: StatusEventInput) => T) => batch.map(pick);
        const params = {
          ...defaults,
          ords: wave,
          eventDocumentIds: column(() => newDocumentId()),
          messageSids: column((event) => event.messageSid),
          messageDocumentIds: column((event) => event.messageDocumentId),
          statuses: column((event) => event.status),
          errorCodes: column((event) => event.errorCode),
          errorMessages: column((event) => event.errorMessage),
          payloads: column((event) => jsonParam(event.payload)),
          sources: column((event) => event.source),
          ats: column((event) => event.at),
          // An unknown status is kept as an event but never outranks anything.
          ranks: column((event) => eventRank(event.status) ?? -1),
          provenSents: column((event) => provenMilestones(event.status).sent),
          provenDelivereds: column((event) => provenMilestones(event.status).delivered),
          provenReads: column((event) => provenMilestones(event.status).read),
          failures: column((event) => isFailureStatus(event.status)),
          entries: column((event) => jsonParam(toEventEntry(event))),
          channel: REALTIME_CHANNEL,
        };
        type Row = { ord: number; stored: boolean; matched: boolean; message_id: string | null; status: string | null };
        const rows = await runPreparedOn<Row>(await runner(), statement, params);
        for (const row of rows) {
          results[row.ord] = { stored: Boolean(row.stored), matched: Boolean(row.matched), messageId: row.message_id ?? null, status: row.status ?? null };
        }
      }
      return results;
    },

    /** Records one status event and applies it to its message. */
    async record(event: StatusEventInput): Promise<RecordedStatus> {
      const [result] = await this.recordMany([event]);
      return result!;
    },

    // The three methods below run inside one transaction (the repository is made with it).

    /** The message's delivery state, locked until the transaction ends. */
    async lockMessage(documentId: string): Promise<LockedMessage | null> {
      const db = await runner();
      const result = await db.raw<{ rows: DeliveryRow[] }>(
        `SELECT id, direction, document_id, twilio_sid, status, sent_at, delivered_at, read_at, failed_at, error_code, error_message
       FROM ${TABLE.message} WHERE document_id = :documentId ORDER BY id LIMIT 1 FOR UPDATE`,
        { documentId }
      );
      const row = result.rows[0];
      if (!row) return null;
      return {
        id: row.id,
        documentId: row.document_id,
        twilioSid: row.twilio_sid,
        state: {
          direction: row.direction,
          status: row.status,
          sentAt: row.sent_at,
          deliveredAt: row.delivered_at,
          readAt: row.read_at,
          failedAt: row.failed_at,
          errorCode: row.error_code,
          errorMessage: row.error_message,
        },
      };
    },

    /**
     * Events recorded before their message could be matched: by its SID, or by its documentId
     * unless they name another SID than the one the message has. Locked with the message.
     */
    async listPendingEvents(message: LockedMessage): Promise<PendingEvent[]> {
      const db = await runner();
      const result = await db.raw<{
        rows: Array<{
          id: number;
          status: string;
          error_code: number | null;
          error_message: string | null;
          source: string | null;
          received_at: Date;
        }>;
      }>(
        `SELECT id, status, error_code, error_message, source, received_at FROM ${TABLE.statusEvent}
       WHERE applied_at IS NULL
         AND (message_sid = CAST(:twilioSid AS varchar)
              OR (message_document_id = :documentId AND (CAST(:twilioSid AS varchar) IS NULL OR message_sid = CAST(:twilioSid AS varchar))))
       ORDER BY received_at, id
       FOR UPDATE`,
        { twilioSid: message.twilioSid, documentId: message.documentId }
      );
      return result.rows.map((row) => ({
        id: row.id,
        status: row.status,
        errorCode: row.error_code,
        errorMessage: row.error_message,
        source: row.source ?? 'callback',
        at: row.received_at,
      }));
    },

    /** Writes the folded state, appends the events, marks them applied and announces it. */
    async savePendingApplied(message: LockedMessage, state: DeliveryState, events: PendingEvent[], now: Date) {
      const db = await runner();
      await db.raw(
        `WITH marked AS (
         UPDATE ${TABLE.statusEvent} SET applied_at = CAST(:now AS timestamp), updated_at = CAST(:now AS timestamp)
         WHERE id = ANY(CAST(:eventIds AS integer[]))
       ),
       updated AS (
         UPDATE ${TABLE.message} AS m SET
           status = CAST(:status AS varchar), sent_at = CAST(:sentAt AS timestamp), delivered_at = CAST(:deliveredAt AS timestamp),
           read_at = CAST(:readAt AS timestamp), failed_at = CAST(:failedAt AS timestamp),
           error_code = CAST(:errorCode AS integer), error_message = CAST(:errorMessage AS text),
           events = COALESCE(m.events, '[]'::jsonb) || CAST(:entries AS jsonb),
           updated_at = CAST(:now AS timestamp)
         WHERE m.id = :messageId
         RETURNING m.id, m.document_id, m.status
       )
       SELECT ${notifyStatus('updated')} FROM updated`,
        {
          now,
          eventIds: events.map((event) => event.id),
          messageId: message.id,
          status: state.status,
          sentAt: state.sentAt,
          deliveredAt: state.deliveredAt,
          readAt: state.readAt,
          failedAt: state.failedAt,
          errorCode: state.errorCode,
          errorMessage: state.errorMessage,
          entries: JSON.stringify(events.map((event) => toEventEntry(event))),
          channel: REALTIME_CHANNEL,
        }
      );
    },
  };
};

export type MessageStatusRepository = ReturnType<typeof createMessageStatusRepository>;
