import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { isPortFree } from '../../database/embedded/port';
import {
  FAKE_STRAPI,
  isAlive,
  killLeftovers,
  LAUNCHER,
  makeTempDir,
  postmasterPid,
  processesMentioning,
  REPO_ROOT,
  removeDir,
  spawnCollecting,
  TSX_CLI,
  waitFor,
} from './helpers';
import type { Spawned } from './helpers';

jest.setTimeout(60_000);
const describeOnLinux = process.platform === 'linux' ? describe : describe.skip;

interface FakeReport {
  argv: string[];
  pid: number;
  env: Record<string, string | undefined>;
  database?: string;
  ready?: boolean;
  signal?: string;
  queryDuringShutdown?: number | string;
  error?: string;
}

/** The test process' env without anything that would steer the launcher (a CI's DATABASE_URL, Twilio keys). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(DATABASE_|TWILIO_|WHATSAPP_|npm_)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, STRAPI_LAUNCHER_CHILD: FAKE_STRAPI, ...extra };
}

describeOnLinux('scripts/strapi.ts', () => {
  let appRoot: string;
  let reportFile: string;
  let launcher: Spawned | undefined;
  const dataDir = () => path.join(appRoot, '.tmp', 'postgres');
  const report = (): FakeReport | undefined =>
    fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as FakeReport) : undefined;

  function startLauncher(args: string[], extraEnv: Record<string, string> = {}, detached = false): Spawned {
    launcher = spawnCollecting([TSX_CLI, LAUNCHER, ...args], {
      cwd: appRoot,
      env: cleanEnv({ FAKE_STRAPI_REPORT: reportFile, ...extraEnv }),
      detached,
    });
    return launcher;
  }

  async function ready(): Promise<FakeReport> {
    const value = await waitFor('the fake Strapi to be ready', () => report()?.ready && report(), 40_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${launcher?.output()}`);
    });
    if (value.error) throw new Error(value.error);
    return value;
  }

  beforeEach(() => {
    appRoot = makeTempDir('launcher-test');
    reportFile = path.join(appRoot, 'report.json');
    fs.writeFileSync(path.join(appRoot, '.env'), 'FROM_DOTENV=loaded\n');
  });
  afterEach(async () => {
    if (launcher && launcher.child.exitCode === null && launcher.child.signalCode === null) {
      launcher.child.kill('SIGKILL');
      await launcher.exited;
    }
    launcher = undefined;
    const leftovers = killLeftovers(appRoot);
    removeDir(appRoot);
    expect(leftovers).toEqual([]);
  });

  it('on SIGTERM stops Strapi first, then the embedded Postgres, and exits with Strapi’s code', async () => {
    const run = startLauncher(['start', '--flag'], { FAKE_STRAPI_EXIT_CODE: '3' });
    const started = await ready();
    const postgresPid = postmasterPid(dataDir())!;
    const port = Number(new URL(started.env.DATABASE_URL!).port);

    expect(started.argv).toEqual(['start', '--flag']);
    expect(started.database).toBe('strapi');
    expect(started.env.DATABASE_CLIENT).toBe('postgres');
    expect(started.env.FROM_DOTENV).toBe('loaded');
    expect(started.env.APP_KEYS?.split(',')).toHaveLength(4);
    expect(fs.readFileSync(path.join(appRoot, '.env'), 'utf8')).toContain('ENCRYPTION_KEY=');
    expect(run.output()).not.toContain(started.env.ENCRYPTION_KEY!); // secrets never printed
    expect(run.output()).not.toContain(new URL(started.env.DATABASE_URL!).password);
    expect(isAlive(postgresPid)).toBe(true);

    run.child.kill('SIGTERM');
    const { code } = await run.exited;

    const final = report()!;
    expect(final.signal).toBe('SIGTERM');
    expect(final.queryDuringShutdown).toBe(1); // Postgres was still up while Strapi shut down
    expect(code).toBe(3);
    expect(isAlive(final.pid)).toBe(false);
    expect(isAlive(postgresPid)).toBe(false);
    expect(await isPortFree(port)).toBe(true);
  });

  it('stops Postgres when Strapi exits by itself, passing its exit code on', async () => {
    const run = startLauncher(['start'], { FAKE_STRAPI_EXIT_AFTER_MS: '500', FAKE_STRAPI_EXIT_CODE: '7' });
    await ready();
    const postgresPid = postmasterPid(dataDir())!;
    const { code } = await run.exited;
    expect(code).toBe(7);
    expect(isAlive(postgresPid)).toBe(false);
  });

  it('says why Strapi stopped and exits non-zero when it dies: killed by a signal, or exiting by itself with 0', async () => {
    let run = startLauncher(['start']);
    const started = await ready();
    const postgresPid = postmasterPid(dataDir())!;
    process.kill(started.pid, 'SIGKILL');
    expect((await run.exited).code).toBe(137);
    expect(run.output()).toMatch(/\[launcher\] Strapi was killed by SIGKILL without a shutdown request; exiting with code 137/);
    expect(isAlive(postgresPid)).toBe(false);

    fs.rmSync(reportFile);
    run = startLauncher(['start'], { FAKE_STRAPI_EXIT_AFTER_MS: '200', FAKE_STRAPI_EXIT_CODE: '0' });
    await ready();
    expect((await run.exited).code).toBe(1);
    expect(run.output()).toMatch(/\[launcher\] Strapi exited with code 0 without a shutdown request; exiting with code 1/);
  });

  it('runs start in production unless NODE_ENV is set', async () => {
    let run = startLauncher(['start'], { NODE_ENV: '', FAKE_STRAPI_EXIT_AFTER_MS: '100' });
    expect((await ready()).env.NODE_ENV).toBe('production');
    await run.exited;

    fs.rmSync(reportFile);
    run = startLauncher(['start'], { NODE_ENV: 'staging', FAKE_STRAPI_EXIT_AFTER_MS: '100' });
    expect((await ready()).env.NODE_ENV).toBe('staging');
    await run.exited;
  });

  it('keeps the embedded data between runs', async () => {
    let run = startLauncher(['start'], { FAKE_STRAPI_EXIT_AFTER_MS: '200' });
    const first = await ready();
    const client = new Client({ connectionString: first.env.DATABASE_URL });
    await client.connect();
    await client.query('CREATE TABLE IF NOT EXISTS marker (id int)');
    await client.end();
    await run.exited;

    fs.rmSync(reportFile);
    run = startLauncher(['start'], { FAKE_STRAPI_EXIT_AFTER_MS: '200' });
    const second = await ready();
    const again = new Client({ connectionString: second.env.DATABASE_URL });
    await again.connect();
    const { rows } = await again.query("SELECT to_regclass('marker')::text AS t");
    await again.end();
    expect(rows).toEqual([{ t: 'marker' }]);
    expect(second.env.APP_KEYS).toBe(first.env.APP_KEYS); // secrets reused from .env
    await run.exited;
  });

  it('survives Ctrl-C reaching the whole process group, Postgres included', async () => {
    const run = startLauncher(['start'], {}, true);
    await ready();
    const postgresPid = postmasterPid(dataDir())!;
    process.kill(-run.child.pid!, 'SIGINT'); // what a terminal does
    const { code } = await run.exited;
    expect(report()?.signal).toBe('SIGINT');
    // Postgres runs in its own session, so the terminal's SIGINT does not cut Strapi's connections mid-shutdown.
    expect(report()?.queryDuringShutdown).toBe(1);
    expect(code).toBe(0);
    expect(isAlive(postgresPid)).toBe(false);
    await waitFor('no process left', () => processesMentioning(appRoot).length === 0, 10_000);
  });

  it("starts nothing when DATABASE_URL points at the user's server and Twilio is configured", async () => {
    const url = 'postgres://someone:secret@db.example.invalid:5432/cms';
    const run = startLauncher(['develop'], {
      DATABASE_URL: url,
      TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
      FAKE_STRAPI_NO_DB: '1',
      FAKE_STRAPI_EXIT_AFTER_MS: '100',
    });
    const started = await ready();
    expect(started.env.DATABASE_URL).toBe(url);
    expect(started.env.WHATSAPP_EMULATOR).toBeUndefined();
    expect(started.env.TWILIO_API_BASE_URL).toBeUndefined();
    // A server that stops without being asked has died, whatever its own code.
    expect((await run.exited).code).toBe(1);
    expect(fs.existsSync(dataDir())).toBe(false);
  });

  it('skips the database for build', async () => {
    const run = startLauncher(['build'], { FAKE_STRAPI_EXIT_AFTER_MS: '50' });
    const started = await ready();
    expect(started.env.DATABASE_URL).toBeUndefined();
    expect(started.env.APP_KEYS).toBeTruthy();
    expect((await run.exited).code).toBe(0);
    expect(fs.existsSync(dataDir())).toBe(false);
  });

  const emulatorPresent = fs.existsSync(path.join(REPO_ROOT, 'tools', 'twilio-emulator', 'src', 'index.ts'));
  (emulatorPresent ? it : it.skip)('develop without Twilio credentials runs the bundled emulator', async () => {
    const run = startLauncher(['develop'], {});
    const started = await ready();
    expect(started.env.WHATSAPP_EMULATOR).toBe('true');
    expect(started.env.WHATSAPP_BUNDLED_EMULATOR).toBe('true');
    expect(started.env.TWILIO_WHATSAPP_NUMBER).toBe('+15005550006');
    expect(started.env.WHATSAPP_PUBLIC_URL).toMatch(/^http:\/\/localhost:\d+$/);
    expect(started.env.TWILIO_ACCOUNT_SID).toMatch(/^AC/);
    expect(started.env.TWILIO_AUTH_TOKEN).toBeTruthy();
    expect(started.env.TWILIO_CONTENT_BASE_URL).toBe(started.env.TWILIO_API_BASE_URL);
    expect(run.output()).toMatch(/EMULATOR/);
    expect(run.output()).not.toContain(started.env.TWILIO_AUTH_TOKEN!);

    const base = started.env.TWILIO_API_BASE_URL!;
    const response = await fetch(`${base}/2010-04-01/Accounts/${started.env.TWILIO_ACCOUNT_SID}/Messages.json`);
    expect(response.status).toBeLessThan(500);
    // Inbound messages go to the app's own sender, so replies find their window open.
    const config = (await (await fetch(`${base}/__emulator/config`)).json()) as { defaultInboundTo: string };
    expect(config.defaultInboundTo).toBe('whatsapp:+15005550006');

    run.child.kill('SIGTERM');
    await run.exited;
    await expect(fetch(base)).rejects.toThrow(); // the emulator stopped with the launcher
  });
});
