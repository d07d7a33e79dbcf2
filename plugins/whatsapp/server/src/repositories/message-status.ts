import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LINK_TABLE, REALTIME_CHANNEL, TABLE, UID } from '../constants';
import {
  eventRank,
  isFailureStatus,
  provenMilestones,
  STATUS_RANK,
  UNKNOWN_CURRENT_RANK,
  type DeliveryState,
} from '../domain/status-rank';
import { defaultColumns, jsonParam, newDocumentId, type DefaultColumns } from './document-row';
import { prepareStatement, runPrepared, type PreparedStatement } from './prepared-statement';
import { queryRunner } from './query-runner';

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
  /** The message it was applied to, if one matched. */
  messageId: string | null;
  status: string | null;
};

if (!Object.keys(STATUS_RANK).every((status) => /^[a-z_]+$/.test(status))) {
  throw new Error('[whatsapp] status names must be plain identifiers to be inlined in SQL');
}

/** `STATUS_RANK` as SQL, so the database applies exactly the rule of domain/status-rank.ts. */
const rankOf = (column: string) =>
  `(CASE ${column} ${Object.entries(STATUS_RANK)
    .map(([status, rank]) => `WHEN '${status}' THEN ${rank}`)
    .join(' ')} ELSE ${UNKNOWN_CURRENT_RANK} END)`;

const APPLIES = `(CAST(:rank AS numeric) > ${rankOf('m.status')})`;

const NOTIFY_STATUS = (alias: string) => `pg_notify(:channel, CAST(json_build_object(
    'type', 'message.status', 'messageId', ${alias}.document_id, 'status', ${alias}.status,
    'conversationId', (SELECT c.document_id FROM ${LINK_TABLE.messageConversation} l
                       JOIN ${TABLE.conversation} c ON c.id = l.conversation_id WHERE l.message_id = ${alias}.id LIMIT 1)) AS text))`;

/**
 * Why SQL instead of the Document Service: Twilio sends a burst of callbacks per message, often
 * out of order and retried. One statement records the event (the unique index on
 * (message_sid, status) makes a retry a no-op on every app instance), and applies it to the
 * message under the row lock the UPDATE takes, comparing ranks against the row as it is at that
 * moment, so two callbacks for one message can never both win. The rule is applyStatusEvent()
 * in domain/status-rank.ts; the CASE expressions below are that function, line for line.
 *
 * The message is found by Twilio's SID, or by our documentId from the StatusCallback URL while
 * the send has not yet recorded the SID (the outbox commits the row before calling Twilio, so it
 * is always there). Recording the SID stays the send's job (repositories/outbox.ts): a callback
 * only moves the status. An event that matches no message is kept with applied_at null, for
 * applyPendingEvents() once the message is known.
 */
const EVENT_COLUMNS = [
  'document_id',
  'message_sid',
  'message_document_id',
  'status',
  'error_code',
  'error_message',
  'payload',
  'received_at',
  'source',
  'applied_at',
  'created_at',
  'updated_at',
  'published_at',
];

const recordSql = (event: DefaultColumns) => `
WITH target AS (
  SELECT id, document_id FROM ${TABLE.message} WHERE twilio_sid = :messageSid
  UNION ALL
  SELECT id, document_id FROM ${TABLE.message}
  WHERE document_id = CAST(:messageDocumentId AS varchar) AND twilio_sid IS NULL
    AND NOT EXISTS (SELECT 1 FROM ${TABLE.message} WHERE twilio_sid = :messageSid)
  LIMIT 1
),
event AS (
  INSERT INTO ${TABLE.statusEvent}
    (document_id, message_sid, message_document_id, status, error_code, error_message, payload, received_at, source,
     applied_at, created_at, updated_at, published_at${event.columns})
  SELECT CAST(:eventDocumentId AS varchar), CAST(:messageSid AS varchar),
         COALESCE(CAST(:messageDocumentId AS varchar), (SELECT document_id FROM target)),
         CAST(:status AS varchar), CAST(:errorCode AS integer), CAST(:errorMessage AS text), CAST(:payload AS jsonb),
         CAST(:now AS timestamp), CAST(:source AS varchar),
         CASE WHEN EXISTS (SELECT 1 FROM target) THEN CAST(:now AS timestamp) END,
         CAST(:now AS timestamp), CAST(:now AS timestamp), CAST(:now AS timestamp)${event.values}
  ON CONFLICT (message_sid, status) DO NOTHING
  RETURNING id
),
updated AS (
  UPDATE ${TABLE.message} AS m SET
    status = CASE WHEN ${APPLIES} THEN CAST(:status AS varchar) ELSE m.status END,
    sent_at = CASE WHEN CAST(:provenSent AS boolean) THEN COALESCE(m.sent_at, CAST(:now AS timestamp)) ELSE m.sent_at END,
    delivered_at = CASE WHEN CAST(:provenDelivered AS boolean) THEN COALESCE(m.delivered_at, CAST(:now AS timestamp)) ELSE m.delivered_at END,
    read_at = CASE WHEN CAST(:provenRead AS boolean) THEN COALESCE(m.read_at, CAST(:now AS timestamp)) ELSE m.read_at END,
    failed_at = CASE WHEN CAST(:isFailure AS boolean) AND ${APPLIES} THEN COALESCE(m.failed_at, CAST(:now AS timestamp)) ELSE m.failed_at END,
    error_code = CASE WHEN CAST(:isFailure AS boolean) AND ${APPLIES} AND m.error_code IS NULL AND m.error_message IS NULL
                      THEN CAST(:errorCode AS integer) ELSE m.error_code END,
    error_message = CASE WHEN CAST(:isFailure AS boolean) AND ${APPLIES} AND m.error_code IS NULL AND m.error_message IS NULL
                         THEN CAST(:errorMessage AS text) ELSE m.error_message END,
    events = COALESCE(m.events, '[]'::jsonb) || jsonb_build_array(CAST(:eventEntry AS jsonb)),
    updated_at = CAST(:now AS timestamp)
  FROM target
  WHERE m.id = target.id AND EXISTS (SELECT 1 FROM event)
  RETURNING m.id, m.document_id, m.status
)
SELECT EXISTS (SELECT 1 FROM event) AS stored,
       updated.document_id AS message_id,
       updated.status,
       CASE WHEN updated.id IS NOT NULL THEN ${NOTIFY_STATUS('updated')} END AS notified
FROM (SELECT 1) AS one LEFT JOIN updated ON true
`;

type DeliveryRow = {
  id: number;
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
    const event = defaultColumns(strapi, UID.statusEvent, EVENT_COLUMNS, 'event');
    statement = { statement: prepareStatement('whatsapp_record_status', recordSql(event)), defaults: event.params };
    statements.set(strapi, statement);
  }
  return statement;
};

/** `trx`: run inside that transaction (applyPendingEvents); otherwise the caller's, or the pool. */
export const createMessageStatusRepository = (strapi: Core.Strapi, trx?: Knex.Transaction) => {
  const runner = async (): Promise<Knex> => trx ?? (await queryRunner(strapi));
  return {
    /** Records one status event and applies it to its message, in one statement. */
    async record(event: StatusEventInput): Promise<RecordedStatus> {
      const proven = provenMilestones(event.status);
      const { statement, defaults } = recordStatement(strapi);
      const params = {
        ...defaults,
        eventDocumentId: newDocumentId(),
        messageSid: event.messageSid,
        messageDocumentId: event.messageDocumentId,
        status: event.status,
        errorCode: event.errorCode,
        errorMessage: event.errorMessage,
        payload: jsonParam(event.payload),
        source: event.source,
        now: event.at,
        // An unknown status is kept as an event but never outranks anything.
        rank: eventRank(event.status) ?? -1,
        provenSent: proven.sent,
        provenDelivered: proven.delivered,
        provenRead: proven.read,
        isFailure: isFailureStatus(event.status),
        eventEntry: jsonParam(toEventEntry(event)),
        channel: REALTIME_CHANNEL,
      };
      type Row = { stored: boolean; message_id: string | null; status: string | null };
      const rows = trx
        ? ((await trx.raw(statement.namedSql, params)) as { rows: Row[] }).rows
        : await runPrepared<Row>(strapi, statement, params);
      const row = rows[0];
      return {
        stored: Boolean(row?.stored),
        messageId: row?.message_id ?? null,
        status: row?.status ?? null,
      };
    },

    // The three methods below run inside one transaction (the repository is made with it).

    /** The message's delivery state, locked until the transaction ends. */
    async lockMessage(documentId: string): Promise<LockedMessage | null> {
      const db = await runner();
      const result = await db.raw<{ rows: DeliveryRow[] }>(
        `SELECT id, document_id, twilio_sid, status, sent_at, delivered_at, read_at, failed_at, error_code, error_message
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
       SELECT ${NOTIFY_STATUS('updated')} FROM updated`,
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
