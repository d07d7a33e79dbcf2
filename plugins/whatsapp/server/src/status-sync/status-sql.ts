import { LINK_TABLE, TABLE } from '../database/strapi-tables';
import { STATUS_RANK, UNKNOWN_CURRENT_RANK } from '../domain/status-rank';

/** SQL pieces every status statement shares, so each applies exactly the rule of domain/status-rank.ts. */

if (!Object.keys(STATUS_RANK).every((status) => /^[a-z_]+$/.test(status))) {
  throw new Error('[whatsapp] status names must be plain identifiers to be inlined in SQL');
}

/** `STATUS_RANK` as a SQL expression over `column`. */
export const rankOf = (column: string) =>
  `(CASE ${column} ${Object.entries(STATUS_RANK)
    .map(([status, rank]) => `WHEN '${status}' THEN ${rank}`)
    .join(' ')} ELSE ${UNKNOWN_CURRENT_RANK} END)`;

/** Announces a message's new status on the realtime channel (`:channel`); Postgres delivers it on commit. */
export const notifyStatus = (alias: string) => `pg_notify(:channel, CAST(json_build_object(
    'type', 'message.status', 'messageId', ${alias}.document_id, 'status', ${alias}.status,
    'conversationId', (SELECT c.document_id FROM ${LINK_TABLE.messageConversation} l
                       JOIN ${TABLE.conversation} c ON c.id = l.conversation_id WHERE l.message_id = ${alias}.id LIMIT 1)) AS text))`;

/** The status-event columns the statements set themselves (the model's other defaults are added). */
export const STATUS_EVENT_COLUMNS = [
  'document_id', 'message_sid', 'message_document_id', 'status', 'error_code', 'error_message', 'payload', 'received_at', 'source',
  'applied_at', 'created_at', 'updated_at', 'published_at',
] as const;

/**
 * "This message has no SID yet", for statements that find their messages by id or documentId.
 * Not `twilio_sid IS NULL`: that is answerable from the unique index on twilio_sid (which holds
 * the NULLs too), and while an outbox grows fast the planner's statistics lag behind: it then
 * estimates one SID-less message and walks every one of them for each row of the batch
 * (bench/campaign: 150 ms for 100 rows with 2,400 waiting). `num_nulls` is not indexable, so the
 * lookup goes by id and this is only checked.
 */
export const hasNoSid = (alias: string) => `num_nulls(${alias}.twilio_sid) = 1`;
