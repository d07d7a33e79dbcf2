import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedPostgresServer } from '../../database/embedded-postgres';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
export const DRIVER = path.join(__dirname, 'fixtures', 'pg-driver.ts');
export const FAKE_STRAPI = path.join(__dirname, 'fixtures', 'fake-strapi.js');
export const LAUNCHER = path.join(REPO_ROOT, 'scripts', 'strapi.ts');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A temp dir the `postgres` OS user can traverse when the tests run as root (mkdtemp makes 0700). */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

export function parentPid(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Kills (SIGKILL) what a failed test left running under `dir`, and returns what it found: a passing test leaves nothing. */
export function killLeftovers(dir: string): string[] {
  const leftovers = processesMentioning(dir);
  for (const line of leftovers) {
    try {
      process.kill(Number(line.split(':')[0]), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return leftovers;
}

/**
 * Live processes whose command line or environment mentions `needle` (a temp
 * dir): postgres names its data dir in argv, and the launcher, its children and
 * postgres all inherit the test's variables that point into the temp dir.
 */
export function processesMentioning(needle: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8');
      if ((cmdline.includes(needle) || environ.includes(needle)) && isAlive(Number(entry))) found.push(`${entry}: ${cmdline}`);
    } catch {
      // exited while we looked, or not ours to read
    }
  }
  return found;
}

export function postmasterPid(dataDir: string): number | null {
  try {
    return Number.parseInt(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return null;
  }
}

/** A child whose stdout we collect, with a promise for its exit. */
export interface Spawned {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnCollecting(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; detached?: boolean }): Spawned {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** What the driver process reports of the server it started, with the notices it saw and its pid. */
export type DriverInfo = Omit<EmbeddedPostgresServer, 'stop'> & { notices: string[]; driverPid: number };

/** Starts the embedded server in a pg-driver.ts process and waits until it is ready. */
export async function startDriver(options: Record<string, unknown>): Promise<{ info: DriverInfo; driver: Spawned; stop: () => Promise<void> }> {
  const driver = spawnCollecting([TSX_CLI, DRIVER, JSON.stringify(options)], { cwd: REPO_ROOT });
  const line = await waitFor('the embedded server', () => {
    const match = /^(READY|ERROR) (.*)$/m.exec(driver.output());
    return match ? match : undefined;
  }, 40_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${driver.output()}`);
  });
  if (line[1] === 'ERROR') throw new Error(`driver failed: ${line[2]}`);
  const info = JSON.parse(line[2] ?? '{}') as DriverInfo;
  const stop = async () => {
    driver.child.stdin?.write('stop\n');
    const { code } = await driver.exited;
    if (code !== 0 || !driver.output().includes('STOPPED')) throw new Error(`driver did not stop cleanly:\n${driver.output()}`);
  };
  return { info, driver, stop };
}
