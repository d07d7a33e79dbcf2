import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

/**
 * A child the launcher owns. `group` children run in their own process group so
 * one signal reaches every process they start (Strapi's develop is a cluster
 * primary plus a worker; npm runs a shell that runs the watcher).
 */
export interface ManagedChild {
  name: string;
  process: ChildProcess;
  group: boolean;
  /** Resolves with the exit code (128 + signal number when killed) once the child and its group are gone. */
  exited: Promise<number>;
}

export function spawnManaged(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; group: boolean },
): ManagedChild {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    // A background process group must not read the terminal (SIGTTIN would stop it).
    stdio: options.group ? ['ignore', 'inherit', 'inherit'] : 'inherit',
    detached: options.group,
  });
  const exited = new Promise<number>((resolve) => {
    child.once('error', (error) => {
      console.error(`[launcher] could not start ${name}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      const status = code ?? 128 + (signal ? constants.signals[signal] : 1);
      if (!options.group || child.pid === undefined) return resolve(status);
      // Strapi's cluster worker outlives the primary for a moment while it shuts down.
      void waitForGroupExit(child.pid, 30_000).then(() => resolve(status));
    });
  });
  return { name, process: child, group: options.group, exited };
}

export function signalManaged(managed: ManagedChild, signal: NodeJS.Signals): void {
  const { pid } = managed.process;
  if (pid === undefined) return;
  try {
    if (managed.group) process.kill(-pid, signal);
    else managed.process.kill(signal);
  } catch {
    // already gone
  }
}

/** Whether the child (or, for a group child, anything in its group) is still running. */
export function isManagedRunning(managed: ManagedChild): boolean {
  const { pid, exitCode, signalCode } = managed.process;
  if (managed.group && pid !== undefined) return groupAlive(pid);
  return exitCode === null && signalCode === null;
}

/**
 * Whether any live process is left in a process group (led by pid). On Linux we
 * read /proc so that zombies, which an init that does not reap leaves behind,
 * do not count; elsewhere kill(-pgid, 0) has to do.
 */
export function groupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  return entries.some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z';
    } catch {
      return false; // exited while we looked
    }
  });
}

export async function waitForGroupExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
