import { Client } from 'pg';
import { PLAIN_TABLE } from '../../../plugins/whatsapp/server/src/constants';
import { EXTRA_INDEX } from '../../../plugins/whatsapp/server/src/schema/extra-indexes';
import { SCHEMA_MIGRATIONS } from '../../../plugins/whatsapp/server/src/schema/migrations';
import { startIsolatedApp, type IsolatedApp } from '../setup/isolated-app';

/**
 * The schema module on a database of its own: every step recorded once at boot, and a database
 * whose records or objects are missing (one set up before the module, or repaired by hand) is
 * brought up to date at the next boot.
 */
describe('the plugin schema: versioned steps applied once at boot', () => {
  let app: IsolatedApp;

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const recorded = async () =>
    (await query<{ version: number; name: string }>(`SELECT version, name FROM ${PLAIN_TABLE.schemaMigration} ORDER BY version`)).map(
      (row) => [Number(row.version), row.name]
    );
  const existing = async (names: string[]) =>
    (await query<{ relname: string }>(`SELECT relname FROM pg_class WHERE relname = ANY($1) ORDER BY relname`, [names])).map((row) => row.relname);

  const everyStep = SCHEMA_MIGRATIONS.map((step) => [step.version, step.name]);
  const ownObjects = [PLAIN_TABLE.campaignRecipient, PLAIN_TABLE.rateBucket, PLAIN_TABLE.auditLog, ...Object.values(EXTRA_INDEX)].sort();

  beforeAll(async () => {
    app = await startIsolatedApp('whatsapp_schema');
  }, 150_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('records every step, in order, and creates every table and index it owns', async () => {
    // Strictly ascending from 1 (features reserve their version numbers, so a step may be missing on a branch).
    const versions = SCHEMA_MIGRATIONS.map((step) => step.version);
    expect(versions[0]).toBe(1);
    expect(versions.every((version, index) => index === 0 || version > versions[index - 1]!)).toBe(true);
    expect(await recorded()).toEqual(everyStep);
    expect(await existing(ownObjects)).toEqual(ownObjects);
  });

  it('applies nothing twice: a restart leaves the records as they were', async () => {
    const before = await query<{ version: number; applied_at: Date }>(`SELECT version, applied_at FROM ${PLAIN_TABLE.schemaMigration} ORDER BY version`);
    await app.restart();
    const after = await query<{ version: number; applied_at: Date }>(`SELECT version, applied_at FROM ${PLAIN_TABLE.schemaMigration} ORDER BY version`);
    expect(after).toEqual(before);
  }, 150_000);

  it('brings a database without its records, or with an index missing, up to date at the next boot', async () => {
    await query(`DELETE FROM ${PLAIN_TABLE.schemaMigration} WHERE version >= 3`);
    await query(`DROP INDEX ${EXTRA_INDEX.inboxUnread}`);
    expect(await existing([EXTRA_INDEX.inboxUnread])).toEqual([]);
    await app.restart();
    expect(await recorded()).toEqual(everyStep);
    expect(await existing(ownObjects)).toEqual(ownObjects);
  }, 150_000);
});
