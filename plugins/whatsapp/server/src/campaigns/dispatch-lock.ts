import type { Core } from '@strapi/strapi';

/**
 * One campaign dispatcher per sender across every app instance: a session-level advisory lock,
 * held on a connection of its own for the length of a dispatcher run.
 *
 * Why a session lock on a dedicated connection rather than a pg-boss singleton or a lease row: the
 * lock dies with the connection, so when an instance is killed (SIGKILL, power loss) Postgres
 * frees it as soon as the socket closes and another instance takes over at once, instead of
 * waiting for a job or a lease to expire. A connection of its own keeps it out of Strapi's pool,
 * which the sends themselves need.
 */

type PgClient = {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
};

type KnexPgClient = { driver: { Client: new (settings: unknown) => PgClient }; connectionSettings: unknown };

export type DispatchLock = {
  /** Whether the lock is still known to be held (false once its connection failed). */
  held(): boolean;
  release(): Promise<void>;
};

// Two-key form: a namespace of our own, then the sender, so no other advisory lock collides.
const LOCK_SQL = `SELECT pg_try_advisory_lock(hashtext('whatsapp:campaign-dispatch'), hashtext($1)) AS locked`;
const WAIT_LOCK_SQL = `SELECT pg_advisory_lock(hashtext('whatsapp:campaign-dispatch'), hashtext($1)), true AS locked`;
/** Postgres' lock_not_available: lock_timeout ran out. */
const LOCK_TIMEOUT = '55P03';
const UNLOCK_SQL = `SELECT pg_advisory_unlock(hashtext('whatsapp:campaign-dispatch'), hashtext($1))`;

/**
 * Takes the sender's dispatcher lock, or answers null if another session holds it. `waitMs`: wait
 * that long for it first (a run queued by the one finishing takes over the moment it is free).
 */
export const tryLockDispatcher = async (strapi: Core.Strapi, sender: string, waitMs = 0): Promise<DispatchLock | null> => {
  const knexClient = strapi.db.connection.client as unknown as KnexPgClient;
  const client = new knexClient.driver.Client(knexClient.connectionSettings);
  let alive = true;
  client.on('error', (error) => {
    alive = false;
    strapi.log.warn(`[whatsapp] campaign dispatcher lock connection failed: ${error.message}`);
  });
  await client.connect();
  try {
    if (waitMs > 0) await client.query(`SET lock_timeout = ${Math.ceil(waitMs)}`);
    const { rows } = await client.query<{ locked: boolean }>(waitMs > 0 ? WAIT_LOCK_SQL : LOCK_SQL, [sender]);
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as { code?: string }).code === LOCK_TIMEOUT) return null;
    throw error;
  }
  return {
    held: () => alive,
    async release() {
      try {
        if (alive) await client.query(UNLOCK_SQL, [sender]);
      } finally {
        // Closing the session frees the lock anyway.
        await client.end().catch(() => undefined);
      }
    },
  };
};
