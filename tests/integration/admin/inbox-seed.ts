import crypto from 'node:crypto';
import type { Client } from 'pg';

/**
 * Conversations written with SQL in the shape the webhook writes them (rows, documentIds, link
 * tables), for tests that need more of them, or more ties, than webhooks would give quickly.
 * Everything carries the run's `token` (in names, documentIds and numbers), so a test finds and
 * removes exactly its own rows in a database other suites share.
 */
export type SeededConversation = {
  id: number;
  documentId: string;
  name: string;
  phone: string;
  lastMessageAt: string | null;
  unreadCount: number;
};

export type ConversationSpec = { name: string; lastMessageAt: string | null; unreadCount: number };

export const newSeedToken = () => `zq${crypto.randomBytes(4).toString('hex')}`;

/** The numbers of a run: +91 8, four digits of the run, then five of the row. */
const phoneOf = (runDigits: string, index: number) => `+918${runDigits}${String(index).padStart(5, '0')}`;

export const seedConversations = async (client: Client, token: string, sender: string, specs: ConversationSpec[]): Promise<SeededConversation[]> => {
  const rowsFor = (runDigits: string) =>
    specs.map((spec, index) => ({
      ...spec,
      phone: phoneOf(runDigits, index),
      candidateDocumentId: `${token}c${index}`,
      conversationDocumentId: `${token}v${index}`,
    }));
  let rows = rowsFor(String(crypto.randomInt(1000, 9999)));
  // Another suite's run may hold the same four digits: draw again on a duplicate number.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.query(
        `INSERT INTO plugin_whatsapp_candidates (document_id, name, phone, opt_in, created_at, updated_at, published_at)
         SELECT d, n, p, 'opted_in', now(), now(), now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, n, p)`,
        [rows.map((row) => row.candidateDocumentId), rows.map((row) => row.name), rows.map((row) => row.phone)]
      );
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '23505' || attempt >= 5) throw error;
      rows = rowsFor(String(crypto.randomInt(1000, 9999)));
    }
  }
  const inserted = await client.query(
    `INSERT INTO plugin_whatsapp_conversations
       (document_id, sender, status, last_message_at, last_message_preview, unread_count, thread_key, created_at, updated_at, published_at)
     SELECT d, $1::text, 'open', at, 'seeded', unread, $1::text || '|' || c, now(), now(), now()
       FROM unnest($2::text[], $3::timestamp[], $4::int[], $5::text[]) AS t(d, at, unread, c)
     RETURNING id, document_id`,
    [
      sender,
      rows.map((row) => row.conversationDocumentId),
      rows.map((row) => row.lastMessageAt),
      rows.map((row) => row.unreadCount),
      rows.map((row) => row.candidateDocumentId),
    ]
  );
  await client.query(
    `INSERT INTO plugin_whatsapp_conversations_candidate_lnk (conversation_id, candidate_id, conversation_ord)
     SELECT cv.id, c.id, 1
       FROM plugin_whatsapp_conversations cv
       JOIN plugin_whatsapp_candidates c ON cv.thread_key = $1::text || '|' || c.document_id
      WHERE cv.document_id LIKE $2`,
    [sender, `${token}v%`]
  );
  const ids = new Map(inserted.rows.map((row) => [String(row.document_id), Number(row.id)]));
  return rows.map((row) => ({
    id: ids.get(row.conversationDocumentId)!,
    documentId: row.conversationDocumentId,
    name: row.name,
    phone: row.phone,
    lastMessageAt: row.lastMessageAt,
    unreadCount: row.unreadCount,
  }));
};

/** `count` messages in a conversation, stored oldest first, bodies `<prefix> 1` … `<prefix> count`. */
export const seedThread = async (client: Client, token: string, conversationId: number, count: number, prefix: string) => {
  await client.query(
    `WITH m AS (
       INSERT INTO plugin_whatsapp_messages (document_id, direction, body, status, twilio_sid, send_attempts, created_at, updated_at, published_at)
       SELECT $1::text || 'm' || i, 'inbound', $2::text || ' ' || i, 'received', $1::text || 'sid' || i, 0,
              timestamp '2001-01-01' + make_interval(secs => i), now(), now()
         FROM generate_series(1, $3::int) AS i ORDER BY i
       RETURNING id
     )
     INSERT INTO plugin_whatsapp_messages_conversation_lnk (message_id, conversation_id, message_ord)
     SELECT id, $4::int, row_number() OVER (ORDER BY id) FROM m`,
    [token, prefix, count, conversationId]
  );
};

/** Removes every row a run seeded. */
export const removeSeeded = async (client: Client, token: string) => {
  await client.query(
    `DELETE FROM plugin_whatsapp_messages_conversation_lnk WHERE message_id IN (SELECT id FROM plugin_whatsapp_messages WHERE document_id LIKE $1)`,
    [`${token}m%`]
  );
  await client.query(`DELETE FROM plugin_whatsapp_messages WHERE document_id LIKE $1`, [`${token}m%`]);
  await client.query(
    `DELETE FROM plugin_whatsapp_conversations_candidate_lnk WHERE conversation_id IN (SELECT id FROM plugin_whatsapp_conversations WHERE document_id LIKE $1)`,
    [`${token}v%`]
  );
  await client.query(`DELETE FROM plugin_whatsapp_conversations WHERE document_id LIKE $1`, [`${token}v%`]);
  await client.query(`DELETE FROM plugin_whatsapp_candidates WHERE document_id LIKE $1`, [`${token}c%`]);
};
