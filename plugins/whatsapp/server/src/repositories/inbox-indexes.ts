import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LINK_TABLE, TABLE } from '../constants';
import { CONVERSATION_ORDER_KEY } from './inbox-reads';

/**
 * The indexes the inbox's reads walk (repositories/inbox-reads.ts), created at bootstrap: Strapi's
 * index definitions take neither expressions, WHERE clauses nor operator classes, and Strapi's
 * schema sync leaves alone indexes it did not create.
 */
export const INBOX_INDEX = {
  order: `${TABLE.conversation}_inbox_order_index`,
  unread: `${TABLE.conversation}_inbox_unread_index`,
  thread: `${LINK_TABLE.messageConversation}_thread_index`,
  candidateName: `${TABLE.candidate}_name_trgm_index`,
  candidatePhone: `${TABLE.candidate}_phone_trgm_index`,
} as const;

const orderKey = CONVERSATION_ORDER_KEY.replace(/cv\./g, '');

const ORDER_DDL = [
  // The list, newest first: walked backwards, from the top or from a cursor.
  `CREATE INDEX IF NOT EXISTS ${INBOX_INDEX.order} ON ${TABLE.conversation} ((${orderKey}), id)`,
  // The unread filter: only the conversations it can return.
  `CREATE INDEX IF NOT EXISTS ${INBOX_INDEX.unread} ON ${TABLE.conversation} ((${orderKey}), id) WHERE unread_count > 0`,
  // A thread's messages in the order they were stored, its latest first.
  `CREATE INDEX IF NOT EXISTS ${INBOX_INDEX.thread} ON ${LINK_TABLE.messageConversation} (conversation_id, message_id)`,
];

// Substring search on names and numbers; needs pg_trgm, which a managed PostgreSQL may not allow.
const SEARCH_DDL = [
  `CREATE INDEX IF NOT EXISTS ${INBOX_INDEX.candidateName} ON ${TABLE.candidate} USING gin (name gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS ${INBOX_INDEX.candidatePhone} ON ${TABLE.candidate} USING gin (phone gin_trgm_ops)`,
];

// Instances booting together would race on CREATE … IF NOT EXISTS.
const DDL_LOCK = 'whatsapp:inbox-indexes';

/** Whether search has its trigram indexes (false: it still works, by scanning candidates). */
export const ensureInboxIndexes = async (strapi: Core.Strapi): Promise<{ trigramSearch: boolean }> =>
  strapi.db.connection.transaction(async (trx: Knex.Transaction) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [DDL_LOCK]);
    for (const statement of ORDER_DDL) await trx.raw(statement);
    await trx.raw('SAVEPOINT inbox_trigram');
    try {
      await trx.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      for (const statement of SEARCH_DDL) await trx.raw(statement);
      await trx.raw('RELEASE SAVEPOINT inbox_trigram');
      return { trigramSearch: true };
    } catch (error) {
      await trx.raw('ROLLBACK TO SAVEPOINT inbox_trigram');
      strapi.log.warn(`[whatsapp] inbox search runs without trigram indexes (pg_trgm unavailable: ${(error as Error).message})`);
      return { trigramSearch: false };
    }
  });
