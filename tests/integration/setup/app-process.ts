import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT, APP_LOG_FILE } from './paths';

const BOOT_TIMEOUT_MS = 120_000;

export type AppProcess = { child: ChildProcess; url: string; bootMs: number; stop(): Promise<void> };

const tail = (file: string, lines = 60) => {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

const waitForHealth = async (url: string, child: ChildProcess, deadline: number, logFile: string) => {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The test app exited with code ${child.exitCode}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${url}/_health`);
      if (response.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The test app did not answer /_health within ${BOOT_TIMEOUT_MS} ms:\n${tail(logFile)}`);
};

/** The Strapi CLI an app in `cwd` would run: its own @strapi/strapi, as Node resolves it from there. */
const strapiCliFor = (cwd: string) => path.join(path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [cwd] })), 'bin/strapi.js');

/**
 * `strapi start` as a real process, its output appended to `logFile` (the run's test-app log).
 * `cwd` is the app's directory: this repository's host app unless told otherwise.
 */
export const startAppProcess = async (
  env: Record<string, string>,
  port: number,
  logFile = APP_LOG_FILE,
  cwd = APP_ROOT
): Promise<AppProcess> => {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'a');
  const started = Date.now();
  const child = spawn(process.execPath, [strapiCliFor(cwd), 'start'], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, started + BOOT_TIMEOUT_MS, logFile);
  const bootMs = Date.now() - started;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    fs.closeSync(log);
  };
  return { child, url, bootMs, stop };
};
