import type { DefaultColumns } from './document-row';
import { TABLE } from './names';

export type ConversationUpsert = {
  /** A CTE yielding `thread_key`, `conversation_document_id` and `preview`, one row per thread. */
  from: string;
  /** The sender's SQL: a column of `from` or a bound parameter. */
  sender: string;
  defaults: DefaultColumns;
  /** Inbound messages open the reply window until `windowExpiresAt` and count `unread` as unread. */
  inbound?: { windowExpiresAt: string; unread: string };
};

/**
 * Each thread's conversation, created or brought to the top with the newest preview, in thread
 * key order (webhooks and campaign batches touching the same conversations never deadlock).
 * Returns `id`, `document_id`, `thread_key` and `inserted` (the conversation is new).
 */
export const upsertConversationsSql = ({ from, sender, defaults, inbound }: ConversationUpsert): string => `INSERT INTO ${TABLE.conversation} AS cv
    (document_id, sender, status, last_message_at, last_message_preview${inbound ? ', last_inbound_at, window_expires_at' : ''},
     unread_count, thread_key, created_at, updated_at, published_at${defaults.columns})
  SELECT conversation_document_id, ${sender}, 'open', CAST(:now AS timestamp), preview${inbound ? `, CAST(:now AS timestamp), ${inbound.windowExpiresAt}` : ''},
         ${inbound?.unread ?? '0'}, thread_key,
         CAST(:now AS timestamp), CAST(:now AS timestamp), CAST(:now AS timestamp)${defaults.values}
  FROM ${from} ORDER BY thread_key
  ON CONFLICT (thread_key) DO UPDATE SET
    status = 'open',
    last_message_at = GREATEST(cv.last_message_at, EXCLUDED.last_message_at),
    last_message_preview = EXCLUDED.last_message_preview,${
      inbound
        ? `
    last_inbound_at = GREATEST(cv.last_inbound_at, EXCLUDED.last_inbound_at),
    window_expires_at = GREATEST(cv.window_expires_at, EXCLUDED.window_expires_at),
    unread_count = COALESCE(cv.unread_count, 0) + EXCLUDED.unread_count,`
        : ''
    }
    updated_at = EXCLUDED.updated_at
  RETURNING id, document_id, thread_key, (xmax = 0) AS inserted`;

/**
 * Sets (or clears, with null) the assignee of one conversation by documentId. Bindings:
 * assignee, now, documentId. With `onlyUnassigned` it leaves an assigned conversation as it is
 * (auto-assignment never takes a conversation from someone). Returns `id`, `document_id`,
 * `assignee_id` and `previous_assignee_id`.
 */
export const assignConversationSql = ({ onlyUnassigned = false }: { onlyUnassigned?: boolean } = {}): string => `UPDATE ${TABLE.conversation} AS cv
     SET assignee_id = CAST(? AS integer), updated_at = CAST(? AS timestamp)
    FROM (SELECT id, assignee_id FROM ${TABLE.conversation} WHERE document_id = ? FOR UPDATE) AS before
   WHERE cv.id = before.id${onlyUnassigned ? ' AND before.assignee_id IS NULL' : ''}
  RETURNING cv.id, cv.document_id, cv.assignee_id, before.assignee_id AS previous_assignee_id`;
