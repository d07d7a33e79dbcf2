import fs from 'node:fs/promises';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { newPassword, readStoredPassword, storePassword } from './embedded/credentials';
import { ensureDatabase } from './embedded/databases';
import { ensureLibraryLinks } from './embedded/library-links';
import { loadPostgresBinaries } from './embedded/load-package';
import { reachableBinaries } from './embedded/reachable-binaries';
import { ensurePostgresOsUser, runInitdb } from './embedded/initdb';
import { chownTree, isRoot, unreachableHint } from './embedded/os-user';
import { choosePort, findFreePort } from './embedded/port';
import { startPostmaster } from './embedded/postmaster';
import { isRunning, stopChild } from './embedded/processes';
import { clearStaleServer } from './embedded/stale-server';

export { createFreshDatabase } from './embedded/databases';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Preferred port (default 54329); another free port is used when it is taken. */
  port?: number;
  user?: string;
  /** Only needed for a cluster created elsewhere; otherwise a random one is generated and kept in dataDir. */
  password?: string;
  /** Created when missing (default `postgres`). */
  database?: string;
  /** false deletes dataDir on stop(). Default true. */
  persistent?: boolean;
  /** Server settings passed as `-c name=value` (e.g. `shared_preload_libraries`). */
  settings?: Record<string, string>;
  /** Receives Postgres' own log lines. */
  log?: (line: string) => void;
  /** Receives the few lines worth showing a user (a stale server being cleaned up); defaults to log. */
  notice?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  connectionString: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  stop(): Promise<void>;
}

export const DEFAULT_EMBEDDED_PORT = 54329;
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const START_ATTEMPTS = 3;

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const dataDir = path.resolve(opts.dataDir);
  const user = opts.user ?? 'postgres';
  const database = opts.database ?? 'postgres';
  const recent: string[] = [];
  const onLog = (chunk: unknown) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 40) recent.shift();
      opts.log?.(line);
    }
  };

  const installed = await loadPostgresBinaries();
  await ensureLibraryLinks(installed);

  const root = isRoot();
  const osUser = root ? ensurePostgresOsUser() : null;
  const binaries = await reachableBinaries(installed, osUser);
  const initialised = await exists(path.join(dataDir, 'PG_VERSION'));
  if (initialised) {
    const owner = osUser;
    if (owner) await chownTree(dataDir, owner);
    await clearStaleServer(dataDir, binaries.pg_ctl, owner, opts.notice ?? onLog);
  } else if (await hasEntries(dataDir)) {
    // initdb would refuse anyway; say why instead of deleting someone's files.
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away or choose another directory`);
  }

  const password = opts.password ?? (initialised ? await readStoredPassword(dataDir) : newPassword());
  if (password === null) {
    throw new Error(`No password known for the existing cluster in ${dataDir}: pass one, or delete the directory to start afresh`);
  }

  if (!initialised) {
    await runInitdb({ initdb: binaries.initdb, dataDir, user, password, runAs: osUser, onLog }).catch((error: Error) => {
      throw new Error(`initdb failed${root ? ` (${unreachableHint(dataDir)})` : ''}: ${error.message}`);
    });
    await storePassword(dataDir, password);
  }

  const runAs = osUser;
  if (root && !runAs) throw new Error('Running as root, but there is no `postgres` OS user to run PostgreSQL as');
  let port = await choosePort(opts.port ?? DEFAULT_EMBEDDED_PORT, HOST);
  let postmaster: ChildProcess | undefined;
  for (let attempt = 1; !postmaster; attempt++) {
    try {
      postmaster = await startPostmaster({
        postgres: binaries.postgres,
        dataDir,
        port,
        // Loopback only, over TCP: no Unix socket in /tmp to collide with or leave behind.
        flags: [
          '-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories=',
          ...Object.entries(opts.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
        ],
        runAs,
        onLog,
        timeoutMs: START_TIMEOUT_MS,
      });
    } catch (error) {
      const portTaken = recent.some((line) => /could not (bind|create any TCP\/IP)|Address already in use/.test(line));
      if (!portTaken || attempt >= START_ATTEMPTS) {
        throw new Error(`Embedded PostgreSQL did not start on port ${port}: ${(error as Error).message}\n${recent.join('\n')}`);
      }
      // Lost a race for the port between our check and postgres' bind.
      port = await findFreePort(HOST);
    }
  }

  const server = createServerHandle({ postmaster, dataDir, user, password, port, database, persistent: opts.persistent ?? true });
  try {
    await ensureDatabase(urlFor(user, password, port, 'postgres'), database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

function createServerHandle(args: {
  postmaster: ChildProcess;
  dataDir: string;
  user: string;
  password: string;
  port: number;
  database: string;
  persistent: boolean;
}): EmbeddedPostgresServer {
  const { postmaster, dataDir } = args;
  // Safety net for a launcher that dies on an exception: ask postgres to go too.
  const onProcessExit = () => {
    if (isRunning(postmaster)) postmaster.kill('SIGINT');
  };
  process.on('exit', onProcessExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('exit', onProcessExit);
      // The server may already be shutting down or gone (someone signalled it
      // directly): signalling it again is harmless, and an exited one is skipped.
      await stopChild(postmaster, [
        { signal: 'SIGINT', waitMs: 30_000 }, // fast shutdown: ends sessions, checkpoints
        { signal: 'SIGQUIT', waitMs: 5_000 }, // immediate shutdown
        { signal: 'SIGKILL', waitMs: 5_000 },
      ]);
      await fs.rm(path.join(dataDir, 'postmaster.pid'), { force: true }).catch(() => undefined);
      if (!args.persistent) await fs.rm(dataDir, { recursive: true, force: true });
    })());

  return {
    connectionString: urlFor(args.user, args.password, args.port, args.database),
    host: HOST,
    port: args.port,
    user: args.user,
    password: args.password,
    database: args.database,
    stop,
  };
}

function urlFor(user: string, password: string, port: number, database: string): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

async function hasEntries(dir: string): Promise<boolean> {
  return fs.readdir(dir).then((entries) => entries.length > 0, () => false);
}
