import type { Core } from '@strapi/strapi';
import { LINK_TABLE, TABLE } from '../database/strapi-tables';

export type ReplayedMessage = {
  seq: number;
  messageId: string;
  direction: 'inbound' | 'outbound';
  conversationId: string | null;
  candidateId: string | null;
};

type Row = { id: number | string; document_id: string; direction: 'inbound' | 'outbound'; conversation_id: string | null; candidate_id: string | null };

const rowsOf = (result: unknown): Row[] => ((result as { rows?: Row[] }).rows ?? []);

/**
 * What the live inbox replays to a stream that missed events: messages by their numeric id,
 * the cursor of the stream (SSE `id:`). Raw SQL: a range scan of the primary key with the two
 * links the events carry, which the Document Service would do in several queries.
 */
export const createMessageReplayRepository = (strapi: Core.Strapi) => ({
  /** The newest message's id (0 when there is none): a new stream's cursor. */
  async latestSeq(): Promise<number> {
    const result = await strapi.db.connection.raw(`SELECT COALESCE(max(id), 0) AS id FROM ${TABLE.message}`);
    return Number(rowsOf(result)[0]?.id ?? 0);
  },

  /** Messages with an id above `after`, oldest first, at most `limit`. */
  async createdAfter(after: number, limit: number): Promise<ReplayedMessage[]> {
    const result = await strapi.db.connection.raw(
      `SELECT m.id, m.document_id, m.direction, conversation.document_id AS conversation_id, candidate.document_id AS candidate_id
         FROM ${TABLE.message} m
         LEFT JOIN ${LINK_TABLE.messageConversation} lc ON lc.message_id = m.id
         LEFT JOIN ${TABLE.conversation} conversation ON conversation.id = lc.conversation_id
         LEFT JOIN ${LINK_TABLE.messageCandidate} lk ON lk.message_id = m.id
         LEFT JOIN ${TABLE.candidate} candidate ON candidate.id = lk.candidate_id
        WHERE m.id > ?
        ORDER BY m.id
        LIMIT ?`,
      [after, limit]
    );
    return rowsOf(result).map((row) => ({
      seq: Number(row.id),
      messageId: row.document_id,
      direction: row.direction,
      conversationId: row.conversation_id,
      candidateId: row.candidate_id,
    }));
  },
});
