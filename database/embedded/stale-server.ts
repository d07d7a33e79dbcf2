import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OsUser } from './os-user';
import { isPidAlive, processName, readProcStat, waitForPidExit } from './processes';

const execFileAsync = promisify(execFile);

/**
 * Deals with a postmaster.pid left by an earlier run that was killed before it
 * could stop its server (SIGKILL, a crash, a closed terminal):
 * - the process is gone: remove the stale file so postgres starts cleanly;
 * - the server still runs as an orphan: stop it with pg_ctl (signals as a fallback);
 * - the server still belongs to a live Node process: another launcher is using
 *   this data directory, so refuse rather than pull it from under that app.
 */
export async function clearStaleServer(
  dataDir: string,
  pgCtl: string,
  runAs: OsUser | null,
  log: (line: string) => void,
): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = await readPostmasterPid(pidFile);
  if (pid === null) return;

  if (!isPidAlive(pid) || !looksLikePostgres(pid)) {
    log(`Removing stale ${pidFile} (process ${pid} is gone)`);
    await fs.rm(pidFile, { force: true });
    return;
  }

  const parent = readProcStat(pid)?.ppid;
  if (parent !== undefined && parent > 1 && parent !== process.pid && /node/.test(processName(parent) ?? '')) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is in use by another running app (postmaster ${pid}, parent ${parent}). Stop that app first.`,
    );
  }

  log(`Stopping a PostgreSQL server left running on ${dataDir} (pid ${pid})`);
  try {
    await execFileAsync(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], {
      ...(runAs ?? {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
  } catch {
    // pg_ctl could not do it (foreign pid file, odd permissions): signal directly.
    signal(pid, 'SIGINT');
  }
  if (!(await waitForPidExit(pid, 30_000))) {
    signal(pid, 'SIGKILL');
    await waitForPidExit(pid, 5_000);
  }
  await fs.rm(pidFile, { force: true });
}

export async function readPostmasterPid(pidFile: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await fs.readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Pids get reused: only treat the pid as our server if it is a postgres process (when /proc can tell). */
function looksLikePostgres(pid: number): boolean {
  const name = processName(pid);
  return name === null || name.includes('postgres');
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}
