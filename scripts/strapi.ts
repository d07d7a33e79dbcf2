/**
 * Runs Strapi's CLI with what it needs around it:
 *   tsx scripts/strapi.ts <develop|start|build|console|...> [args]
 * - loads .env and generates missing Strapi secrets (develop/start/build);
 * - starts an embedded PostgreSQL unless DATABASE_URL/DATABASE_HOST point at a server;
 * - for develop: the bundled Twilio emulator when no Twilio credentials are set,
 *   and the plugin's build watcher;
 * - start runs with NODE_ENV=production unless NODE_ENV is set;
 * - on SIGINT/SIGTERM/SIGHUP stops Strapi first, then the emulator and Postgres;
 * - says why it exits, and exits non-zero when Strapi dies (see launcher/exit-report.ts).
 *
 * STRAPI_LAUNCHER_CHILD=<script> runs that script instead of Strapi's CLI (tests),
 * and skips the plugin watcher.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { embeddedDatabaseEnv, resolveDatabaseEnv } from '../database/resolve-database-env';
import { ensureSecrets } from './ensure-secrets';
import { isManagedRunning, signalManaged, spawnManaged, waitForGroupExit } from './launcher/children';
import type { ManagedChild } from './launcher/children';
import { strapiExitCode } from './launcher/exit-report';
import { Shutdown } from './launcher/shutdown';
import { bundledEmulatorEnv, startBundledEmulator } from './launcher/twilio-emulator';

const print = (line: string) => console.log(`[launcher] ${line}`);

const NEEDS_SECRETS = new Set(['develop', 'start', 'build']);
/** Commands that never open the database: starting Postgres for them is wasted time. */
const NO_DATABASE = new Set(['build', 'version', 'help', 'generate', 'login', 'logout', 'telemetry:disable', 'telemetry:enable']);
/** Long-running servers: run in their own process group so a signal reaches Strapi's cluster worker too. */
const SERVER_COMMANDS = new Set(['develop', 'start']);

type Cleanup = { name: string; run: () => Promise<void> };

/** Set once Strapi has exited or a signal arrived, so expected exits are not reported as failures. */
let stopping = false;

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: tsx scripts/strapi.ts <develop|start|build|console|...> [args]');
    return 2;
  }
  // Strapi itself treats the working directory as the app; npm scripts run from the package root.
  const appRoot = process.cwd();
  loadDotEnv(path.join(appRoot, '.env'));

  const shutdown = new Shutdown(print);
  const cleanups: Cleanup[] = [];
  try {
    if (NEEDS_SECRETS.has(command)) Object.assign(process.env, ensureSecrets(appRoot, process.env, print));
    const env: NodeJS.ProcessEnv = { ...process.env };
    // `strapi start` otherwise runs in development: open GraphQL introspection, stack traces in errors.
    if (command === 'start' && !env.NODE_ENV) env.NODE_ENV = 'production';

    const plan = usesDatabase(command) ? resolveDatabaseEnv(process.env, appRoot) : null;
    if (plan) {
      const server = await startEmbeddedPostgres({
        dataDir: plan.dataDir,
        database: plan.database,
        log: process.env.EMBEDDED_POSTGRES_LOG ? (line) => console.log(`[postgres] ${line}`) : undefined,
        notice: print,
      }).catch((error: Error) => {
        throw new Error(`the embedded PostgreSQL did not start, so Strapi was not started: ${error.message}`, { cause: error });
      });
      cleanups.push({ name: 'embedded PostgreSQL', run: server.stop });
      Object.assign(env, embeddedDatabaseEnv(server));
      print(
        `Embedded PostgreSQL on ${server.host}:${server.port}, database "${server.database}", data in ` +
          `${path.relative(appRoot, plan.dataDir) || plan.dataDir} (set DATABASE_URL to use your own server)`,
      );
    }

    const testChild = process.env.STRAPI_LAUNCHER_CHILD;
    if (SERVER_COMMANDS.has(command)) Object.assign(env, bundledEmulatorEnv());
    if (command === 'develop' && !shutdown.requested) {
      const emulator = await startBundledEmulator(env, print);
      if (emulator) {
        cleanups.push({ name: 'Twilio emulator', run: emulator.stop });
        Object.assign(env, emulator.env);
      }
      if (!testChild && !shutdown.requested) {
        const watcher = startPluginWatcher(appRoot, env, () => stopping || shutdown.requested);
        shutdown.track(watcher);
        cleanups.push({ name: 'plugin watcher', run: () => stopManaged(watcher) });
      }
    }
    if (shutdown.requested) return shutdown.exitCode;

    const cli = testChild ? path.resolve(appRoot, testChild) : strapiCli(appRoot);
    const strapi = spawnManaged('strapi', process.execPath, [cli, command, ...args], {
      env,
      cwd: appRoot,
      group: SERVER_COMMANDS.has(command),
    });
    shutdown.track(strapi);
    const code = await strapi.exited;
    return strapiExitCode(strapi, code, { requested: shutdown.requested, server: SERVER_COMMANDS.has(command) }, print);
  } finally {
    stopping = true;
    for (const cleanup of cleanups.reverse()) {
      await cleanup.run().catch((error: Error) => print(`stopping the ${cleanup.name} failed: ${error.message}`));
    }
  }
}

function loadDotEnv(file: string): void {
  // loadEnvFile keeps variables already set in the real environment.
  if (typeof process.loadEnvFile === 'function' && fs.existsSync(file)) process.loadEnvFile(file);
}

function usesDatabase(command: string): boolean {
  return !NO_DATABASE.has(command) && !command.startsWith('-');
}

function strapiCli(appRoot: string): string {
  // bin/ is not in @strapi/strapi's "exports", so resolve the package and join.
  const manifest = require.resolve('@strapi/strapi/package.json', { paths: [appRoot] });
  return path.join(path.dirname(manifest), 'bin', 'strapi.js');
}

/** Rebuilds plugins/whatsapp's dist/ on change, which Strapi's develop then reloads. */
function startPluginWatcher(appRoot: string, env: NodeJS.ProcessEnv, isStopping: () => boolean): ManagedChild {
  const npmCli = process.env.npm_execpath;
  const npmArgs = ['run', 'watch', '--workspace', 'strapi-plugin-whatsapp-twilio'];
  // Under `npm run`, reuse that npm on this Node; otherwise whichever npm is on PATH.
  const [command, args] =
    npmCli && path.basename(npmCli) === 'npm-cli.js' ? [process.execPath, [npmCli, ...npmArgs]] : ['npm', npmArgs];
  const watcher = spawnManaged('plugin watcher', command, args, { env, cwd: appRoot, group: true });
  void watcher.exited.then((code) => {
    if (code !== 0 && !isStopping()) print(`plugin watcher exited with code ${code}; plugin changes will not rebuild`);
  });
  return watcher;
}

async function stopManaged(child: ManagedChild): Promise<void> {
  if (!isManagedRunning(child) || child.process.pid === undefined) return;
  signalManaged(child, 'SIGTERM');
  if (!(await waitForGroupExit(child.process.pid, 5_000))) signalManaged(child, 'SIGKILL');
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[launcher] exiting with code 1: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
