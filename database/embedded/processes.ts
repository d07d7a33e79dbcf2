import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Resolves true once the child has exited, false if it is still running after timeoutMs. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (!isRunning(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** Signals a child, escalating through the given signals until it exits. */
export async function stopChild(
  child: ChildProcess,
  steps: Array<{ signal: NodeJS.Signals; waitMs: number }>,
): Promise<void> {
  for (const { signal, waitMs } of steps) {
    if (!isRunning(child)) return;
    try {
      child.kill(signal);
    } catch {
      // already gone between the check and the kill
    }
    if (await waitForExit(child, waitMs)) return;
  }
}

/**
 * Whether a pid names a live process. A zombie counts as dead: in a container
 * whose init does not reap, a killed orphan stays a zombie and kill(pid, 0)
 * still succeeds.
 */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = readProcStat(pid);
  return stat === null || stat.state !== 'Z';
}

export async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isPidAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** /proc/<pid>/stat fields we use; null where /proc is unavailable (macOS) or the pid is gone. */
export function readProcStat(pid: number): { state: string; ppid: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself contain spaces or ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]) };
  } catch {
    return null;
  }
}

/** argv[0]'s basename for a pid, or null where /proc is unavailable. */
export function processName(pid: number): string | null {
  try {
    const argv0 = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return path.basename(argv0);
  } catch {
    return null;
  }
}
