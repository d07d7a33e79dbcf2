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
