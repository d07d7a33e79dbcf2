import { Client } from 'pg';
import { ctx } from './api';

/** Direct SQL on the app's database, to check what was (or was not) stored. */
export const withDb = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

export const countRows = (table: string, where = 'true', params: unknown[] = []) =>
  withDb(async (client) => {
    const result = await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
    return result.rows[0].n as number;
  });

const CONVERSATION_OF = {
  phone: `JOIN plugin_whatsapp_conversations_candidate_lnk l ON l.conversation_id = c.id
          JOIN plugin_whatsapp_candidates k ON k.id = l.candidate_id WHERE k.phone = $1`,
  candidate: `JOIN plugin_whatsapp_conversations_candidate_lnk l ON l.conversation_id = c.id
              JOIN plugin_whatsapp_candidates k ON k.id = l.candidate_id WHERE k.document_id = $1`,
  message: `JOIN plugin_whatsapp_messages_conversation_lnk l ON l.conversation_id = c.id
            JOIN plugin_whatsapp_messages m ON m.id = l.message_id WHERE m.document_id = $1`,
};

/** The documentId of the conversation of a candidate's number, of a candidate, or of a message (undefined when none). */
export const conversationOf = (by: keyof typeof CONVERSATION_OF, value: string) =>
  withDb(async (client) => {
    const result = await client.query(`SELECT c.document_id FROM plugin_whatsapp_conversations c ${CONVERSATION_OF[by]}`, [value]);
    return result.rows[0]?.document_id as string;
  });
