import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFreshDatabase, startEmbeddedPostgres } from '../../../database/embedded-postgres';

export type TestDatabase = { connectionString: string; dispose(): Promise<void> };

/**
 * A database no other run can see: a new database on the server named by
 * TEST_DATABASE_URL (or DATABASE_URL), else a throw-away embedded cluster.
 */
export const startTestDatabase = async (options: { settings?: Record<string, string>; log?: (line: string) => void } = {}): Promise<TestDatabase> => {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (serverUrl) {
    const db = await createFreshDatabase(serverUrl, 'whatsapp_test');
    return { connectionString: db.connectionString, dispose: db.drop };
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'whatsapp-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, database: 'whatsapp_test', persistent: false, ...(options.settings ? { settings: options.settings } : {}), ...(options.log ? { log: options.log } : {}) });
  return { connectionString: server.connectionString, dispose: server.stop };
};
