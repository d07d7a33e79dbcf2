import crypto from 'node:crypto';
import { Client } from 'pg';

const DUPLICATE_DATABASE = '42P04';
const SYNTAX_ERROR = '42601';

async function withClient<T>(connectionString: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates `database` unless it exists; connects through the `postgres` maintenance database. */
export async function ensureDatabase(maintenanceUrl: string, database: string): Promise<void> {
  await withClient(maintenanceUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } catch (error) {
      // Another process created it between our check and our CREATE.
      if ((error as { code?: string }).code !== DUPLICATE_DATABASE) throw error;
    }
  });
}

/**
 * Creates a uniquely named database on an existing server (tests against the
 * user's DATABASE_URL) and returns its URL with a drop() to remove it.
 */
export async function createFreshDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ connectionString: string; drop(): Promise<void> }> {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40) || 'db';
  const name = `${safePrefix}_${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));

  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  let dropped: Promise<void> | undefined;
  return {
    connectionString: url.toString(),
    drop: () =>
      (dropped ??= withClient(serverUrl, async (client) => {
        const target = client.escapeIdentifier(name);
        try {
          // FORCE ends sessions an app under test may have left open (Postgres 13+).
          await client.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
        } catch (error) {
          if ((error as { code?: string }).code !== SYNTAX_ERROR) throw error;
          await client.query(`DROP DATABASE IF EXISTS ${target}`);
        }
      })),
  };
}
