import type { Core } from '@strapi/strapi';
import { REALTIME_CHANNEL, UID } from '../constants';
import { TABLE, createSpareDocumentIds, defaultColumns, jsonParam, threadLinkCtes, upsertConversationsSql, type DefaultColumns } from '../database/strapi-tables';
import type { InboundMessage } from '../domain/inbound';
import { prepareStatement, runPrepared, type PreparedStatement } from '../database/prepared-statement';

export type StoredInbound =
  | { created: true; messageId: string; conversationId: string; candidateId: string; conversationCreated: boolean }
  | { created: false };

/** How long after the last inbound message WhatsApp lets us send free text. */
export const CUSTOMER_CARE_WINDOW_MS = 24 * 60 * 60 * 1000;

const MESSAGE_COLUMNS = [
  'document_id', 'direction', 'from', 'to', 'body', 'media', 'location', 'twilio_sid', 'status', 'profile_name', 'wa_id',
  'message_type', 'button', 'referral', 'in_reply_to_sid', 'created_at', 'updated_at', 'published_at',
];
const CANDIDATE_COLUMNS = [
  'document_id', 'name', 'phone', 'opt_in', 'opt_in_at', 'opt_in_source', 'opt_out_at', 'last_inbound_at',
  'created_at', 'updated_at', 'published_at',
];
const CONVERSATION_COLUMNS = [
  'document_id', 'sender', 'status', 'last_message_at', 'last_message_preview', 'last_inbound_at', 'window_expires_at',
  'unread_count', 'thread_key', 'created_at', 'updated_at', 'published_at',
];

/**
 * Why SQL instead of the Document Service: a webhook must be stored in one short transaction
 * whatever else the app is doing, and Twilio retries it (the same MessageSid arrives again,
 * sometimes concurrently). The Document Service would take a dozen round trips (candidate
 * lookup and create, conversation lookup and create, the message with its relations, the
 * link-table ordering queries), each a chance for two requests to interleave. Here one statement
 * stores one or several webhooks (the inbox service groups those that arrive together, so a
 * burst costs one round trip and one commit), and Postgres' unique indexes make it idempotent
 * across every app instance:
 *
 * - messages are inserted first, `ON CONFLICT (twilio_sid) DO NOTHING`; every later step reads
 *   only the rows actually inserted (`fresh`), so a retry changes nothing at all;
 * - candidates are upserted by phone (unknown numbers become candidates named from ProfileName;
 *   STOP/START keywords change the opt-in, the last keyword winning), conversations by their
 *   thread key (`<sender>|<candidate documentId>`), with their counters, once per row;
 * - rows are written in a fixed order (SID, phone, thread key) so two statements that touch the
 *   same rows wait for each other instead of deadlocking;
 * - the link tables get the rows the Document Service would write, with the same order columns
 *   (`max + 1` within the parent; `max(x + 0)` keeps Postgres from answering it by walking the
 *   whole order-column index backwards, which grows with the table);
 * - `pg_notify` runs inside the statement, and Postgres delivers it only once it commits.
 */
const ingestSql = (message: DefaultColumns, candidate: DefaultColumns, conversation: DefaultColumns) => `
WITH input AS (
  SELECT * FROM unnest(
    CAST(:ords AS integer[]), CAST(:messageDocumentIds AS varchar[]), CAST(:sids AS varchar[]), CAST(:phones AS varchar[]),
    CAST(:senders AS varchar[]), CAST(:bodies AS text[]), CAST(:media AS jsonb[]), CAST(:locations AS jsonb[]),
    CAST(:buttons AS jsonb[]), CAST(:referrals AS jsonb[]), CAST(:inReplyToSids AS varchar[]), CAST(:profileNames AS varchar[]),
    CAST(:waIds AS varchar[]), CAST(:messageTypes AS varchar[]), CAST(:optChanges AS varchar[]), CAST(:previews AS varchar[]),
    CAST(:candidateDocumentIds AS varchar[]), CAST(:conversationDocumentIds AS varchar[])
  ) AS t(ord, message_document_id, sid, phone, sender, body, media, location, button, referral, in_reply_to_sid, profile_name,
         wa_id, message_type, opt_change, preview, candidate_document_id, conversation_document_id)
),
new_message AS (
  INSERT INTO ${TABLE.message}
    (document_id, direction, "from", "to", body, media, location, twilio_sid, status,
     profile_name, wa_id, message_type, button, referral, in_reply_to_sid, created_at, updated_at, published_at${message.columns})
  SELECT message_document_id, 'inbound', phone, sender, body, media, location, sid, 'received',
         profile_name, wa_id, message_type, button, referral, in_reply_to_sid,
         CAST(:now AS timestamp), CAST(:now AS timestamp), CAST(:now AS timestamp)${message.values}
  FROM input ORDER BY sid
  ON CONFLICT (twilio_sid) DO NOTHING
  RETURNING id, twilio_sid
),
fresh AS (
  SELECT input.*, new_message.id AS message_id FROM input JOIN new_message ON new_message.twilio_sid = input.sid
),
by_phone AS (
  SELECT phone,
         min(candidate_document_id) AS candidate_document_id,
         (array_agg(profile_name ORDER BY ord) FILTER (WHERE profile_name IS NOT NULL))[1] AS profile_name,
         (array_agg(opt_change ORDER BY ord DESC) FILTER (WHERE opt_change IS NOT NULL))[1] AS last_change,
         bool_or(opt_change = 'opt_out') AS has_opt_out,
         bool_or(opt_change = 'opt_in') AS has_opt_in
  FROM fresh GROUP BY phone
),
candidate AS (
  INSERT INTO ${TABLE.candidate} AS c
    (document_id, name, phone, opt_in, opt_in_at, opt_in_source, opt_out_at, last_inbound_at, created_at, updated_at, published_at${candidate.columns})
  SELECT candidate_document_id, profile_name, phone,
         CASE last_change WHEN 'opt_out' THEN 'opted_out' WHEN 'opt_in' THEN 'opted_in' ELSE 'unknown' END,
         CASE WHEN has_opt_in THEN CAST(:now AS timestamp) END,
         CASE WHEN has_opt_in THEN 'whatsapp' END,
         CASE WHEN has_opt_out THEN CAST(:now AS timestamp) END,
         CAST(:now AS timestamp), CAST(:now AS timestamp), CAST(:now AS timestamp), CAST(:now AS timestamp)${candidate.values}
  FROM by_phone ORDER BY phone
  ON CONFLICT (phone) DO UPDATE SET
    name = COALESCE(c.name, EXCLUDED.name),
    opt_in = CASE WHEN EXCLUDED.opt_in = 'unknown' THEN c.opt_in ELSE EXCLUDED.opt_in END,
    -- an opt-out (or opt-in) keeps the time it first happened while it stays in force
    opt_out_at = CASE WHEN EXCLUDED.opt_out_at IS NOT NULL AND (c.opt_in IS DISTINCT FROM 'opted_out' OR EXCLUDED.opt_in_at IS NOT NULL)
                      THEN EXCLUDED.opt_out_at ELSE c.opt_out_at END,
    opt_in_at = CASE WHEN EXCLUDED.opt_in_at IS NOT NULL AND (c.opt_in IS DISTINCT FROM 'opted_in' OR EXCLUDED.opt_out_at IS NOT NULL)
                     THEN EXCLUDED.opt_in_at ELSE c.opt_in_at END,
    opt_in_source = CASE WHEN EXCLUDED.opt_in_at IS NOT NULL AND (c.opt_in IS DISTINCT FROM 'opted_in' OR EXCLUDED.opt_out_at IS NOT NULL)
                         THEN EXCLUDED.opt_in_source ELSE c.opt_in_source END,
    last_inbound_at = GREATEST(c.last_inbound_at, EXCLUDED.last_inbound_at),
    updated_at = EXCLUDED.updated_at
  RETURNING id, document_id, phone
),
by_thread AS (
  SELECT fresh.sender || '|' || candidate.document_id AS thread_key, fresh.sender,
         min(fresh.conversation_document_id) AS conversation_document_id, count(*) AS received,
         (array_agg(fresh.preview ORDER BY fresh.ord DESC))[1] AS preview
  FROM fresh JOIN candidate ON candidate.phone = fresh.phone
  GROUP BY 1, 2
),
conversation AS (
  ${upsertConversationsSql({
    from: 'by_thread',
    sender: 'sender',
    defaults: conversation,
    inbound: { windowExpiresAt: 'CAST(:windowExpiresAt AS timestamp)', unread: 'received' },
  })}
),
placed AS (
  SELECT fresh.ord, fresh.sid, fresh.message_id, fresh.message_document_id,
         candidate.id AS candidate_id, candidate.document_id AS candidate_document_id,
         conversation.id AS conversation_id, conversation.document_id AS conversation_document_id, conversation.inserted
  FROM fresh
  JOIN candidate ON candidate.phone = fresh.phone
  JOIN conversation ON conversation.thread_key = fresh.sender || '|' || candidate.document_id
),
${threadLinkCtes('placed')}
SELECT sid, message_document_id, conversation_document_id, candidate_document_id, inserted AS conversation_inserted,
       pg_notify(:channel, CAST(json_build_object(
         'type', 'message.created', 'direction', 'inbound', 'messageId', message_document_id, 'seq', message_id,
         'conversationId', conversation_document_id, 'candidateId', candidate_document_id) AS text)) AS notified
FROM placed ORDER BY ord
`;

type IngestStatement = { statement: PreparedStatement; defaults: Record<string, unknown> };

// The statement depends on the loaded models (their attribute defaults), so it is built once per app.
const statements = new WeakMap<Core.Strapi, IngestStatement>();

const ingestStatement = (strapi: Core.Strapi): IngestStatement => {
  let statement = statements.get(strapi);
  if (!statement) {
    const message = defaultColumns(strapi, UID.message, MESSAGE_COLUMNS, 'message');
    const candidate = defaultColumns(strapi, UID.candidate, CANDIDATE_COLUMNS, 'candidate');
    const conversation = defaultColumns(strapi, UID.conversation, CONVERSATION_COLUMNS, 'conversation');
    statement = {
      statement: prepareStatement('whatsapp_ingest_inbound', ingestSql(message, candidate, conversation)),
      defaults: { ...message.params, ...candidate.params, ...conversation.params },
    };
    statements.set(strapi, statement);
  }
  return statement;
};

type IngestRow = {
  sid: string;
  message_document_id: string;
  conversation_document_id: string;
  candidate_document_id: string;
  conversation_inserted: boolean;
};

const column = <T>(messages: readonly InboundMessage[], read: (message: InboundMessage) => T) => messages.map(read);

const spareIds = createSpareDocumentIds();

export const createInboundMessageRepository = (strapi: Core.Strapi) => ({
  /**
   * Stores inbound messages (distinct MessageSids) with their candidates and conversations, in
   * one statement; each answer says whether its message was new or a retry already stored.
   */
  async storeMany(messages: readonly InboundMessage[], now: Date): Promise<StoredInbound[]> {
    const sids = column(messages, (message) => message.messageSid);
    if (new Set(sids).size !== sids.length) throw new Error('[whatsapp] storeMany needs distinct MessageSids');
    const { statement, defaults } = ingestStatement(strapi);
    const proposed = {
      messages: column(messages, () => spareIds.take()),
      candidates: column(messages, () => spareIds.take()),
      conversations: column(messages, () => spareIds.take()),
    };
    const rows = await runPrepared<IngestRow>(strapi, statement, {
      ...defaults,
      ords: messages.map((_message, index) => index),
      messageDocumentIds: proposed.messages,
      sids,
      phones: column(messages, (message) => message.from),
      senders: column(messages, (message) => message.to),
      bodies: column(messages, (message) => message.body),
      media: column(messages, (message) => jsonParam(message.media.length > 0 ? message.media : null)),
      locations: column(messages, (message) => jsonParam(message.location)),
      buttons: column(messages, (message) => jsonParam(message.button)),
      referrals: column(messages, (message) => jsonParam(message.referral)),
      inReplyToSids: column(messages, (message) => message.inReplyToSid),
      profileNames: column(messages, (message) => message.profileName),
      waIds: column(messages, (message) => message.waId),
      messageTypes: column(messages, (message) => message.messageType),
      optChanges: column(messages, (message) => message.optChange),
      previews: column(messages, (message) => message.preview),
      candidateDocumentIds: proposed.candidates,
      conversationDocumentIds: proposed.conversations,
      now,
      windowExpiresAt: new Date(now.getTime() + CUSTOMER_CARE_WINDOW_MS),
      channel: REALTIME_CHANNEL,
    });
    const used = new Set(rows.flatMap((row) => [row.message_document_id, row.candidate_document_id, row.conversation_document_id]));
    for (const id of [...proposed.messages, ...proposed.candidates, ...proposed.conversations]) {
      if (!used.has(id)) spareIds.giveBack(id);
    }
    const bySid = new Map(rows.map((row) => [row.sid, row]));
    return messages.map((message): StoredInbound => {
      const row = bySid.get(message.messageSid);
      return row
        ? {
            created: true,
            messageId: row.message_document_id,
            conversationId: row.conversation_document_id,
            candidateId: row.candidate_document_id,
            conversationCreated: row.conversation_inserted === true,
          }
        : { created: false };
    });
  },
});

export type InboundMessageRepository = ReturnType<typeof createInboundMessageRepository>;
