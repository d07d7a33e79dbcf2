import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import twilio from 'twilio';
import { createFreshDatabase } from '../../../database/embedded-postgres';
import { findFreePort } from '../../../database/embedded/port';
import { apiAt, ctx } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { createAdminSession } from '../setup/admin-session';
import { appProcessEnv, appSecrets, emulatorEnv } from '../setup/app-env';
import { startAppProcess, type AppProcess } from '../setup/app-process';
import { APP_ROOT, TMP_DIR } from '../setup/paths';
import { inboundParams, INBOUND_PATH, FORM } from '../webhook/support';

const PACKAGE = 'strapi-plugin-whatsapp-twilio';
const PLUGIN_DIR = path.join(APP_ROOT, 'plugins/whatsapp');
const FIXTURES = __dirname;

type PackResult = { filename: string; version: string; files: Array<{ path: string }> };

/** `npm pack` of the plugin as built by the global setup: the file a user would install. */
const packPlugin = (destination: string): PackResult & { tarball: string } => {
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: PLUGIN_DIR, encoding: 'utf8' });
  const [result] = JSON.parse(output) as PackResult[];
  if (!result) throw new Error(`npm pack printed no result: ${output}`);
  return { ...result, tarball: path.join(destination, result.filename) };
};

/**
 * A plain-JS Strapi app (no build step) inside the repository, so Node finds Strapi, pg,
 * pg-boss and twilio in the root node_modules, with the plugin unpacked from the tarball into
 * its own node_modules. Strapi resolves installed plugins from its own location, so the app
 * also gets its own copy of @strapi/strapi and @strapi/core (same versions as the root's), as
 * an `npm install` puts them next to the plugin; otherwise Strapi would find the workspace link
 * to plugins/whatsapp in the root node_modules.
 */
const createHostApp = (hostDir: string, pack: PackResult & { tarball: string }) => {
  fs.cpSync(path.join(FIXTURES, 'host-app'), hostDir, { recursive: true });
  fs.mkdirSync(path.join(hostDir, 'public/uploads'), { recursive: true });
  fs.writeFileSync(
    path.join(hostDir, 'package.json'),
    JSON.stringify({ name: 'package-host', private: true, version: '0.0.0', dependencies: { '@strapi/strapi': '5.54.0', [PACKAGE]: pack.version } }, null, 2)
  );
  const modules = path.join(hostDir, 'node_modules');
  const unpacked = fs.mkdtempSync(path.join(hostDir, 'unpack-'));
  execFileSync('tar', ['-xzf', pack.tarball, '-C', unpacked]);
  fs.mkdirSync(modules, { recursive: true });
  fs.renameSync(path.join(unpacked, 'package'), path.join(modules, PACKAGE));
  fs.rmSync(unpacked, { recursive: true, force: true });
  for (const name of ['@strapi/strapi', '@strapi/core']) {
    fs.cpSync(path.join(APP_ROOT, 'node_modules', name), path.join(modules, name), { recursive: true, verbatimSymlinks: true });
  }
};

const waitFor = async <T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

describe('the plugin installed from its npm tarball into a plain Strapi app', () => {
  const hostDir = path.join(TMP_DIR, `package-host-${process.pid}`);
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatsapp-pack-'));
  const logFile = path.join(TMP_DIR, `package-host-${process.pid}.log`);
  const resolutionLog = path.join(TMP_DIR, `package-host-${process.pid}.resolutions`);
  const installedDir = path.join(hostDir, 'node_modules', PACKAGE);
  let pack: PackResult & { tarball: string };
  let database: { connectionString: string; drop(): Promise<void> } | undefined;
  let app: AppProcess | undefined;
  let url: string;
  let token: string;

  beforeAll(async () => {
    fs.rmSync(hostDir, { recursive: true, force: true });
    for (const file of [logFile, resolutionLog]) fs.rmSync(file, { force: true });
    pack = packPlugin(packDir);
    createHostApp(hostDir, pack);
    database = await createFreshDatabase(ctx.databaseUrl, 'whatsapp_pkg');
    const port = await findFreePort();
    const env = {
      ...appProcessEnv({ port, databaseUrl: database.connectionString }),
      ...appSecrets(),
      ...emulatorEnv({ accountSid: ctx.twilioAccountSid, authToken: ctx.twilioAuthToken }, ctx.emulatorUrl, ctx.whatsappNumber),
      WHATSAPP_TEMPLATE_SYNC_INTERVAL: '0',
      NODE_OPTIONS: `--require ${path.join(FIXTURES, 'record-plugin-resolutions.js')}`,
      RESOLUTION_LOG: resolutionLog,
      RESOLUTION_WATCH: JSON.stringify([`${PLUGIN_DIR}${path.sep}`, `${installedDir}${path.sep}`]),
    };
    app = await startAppProcess(env, port, logFile, hostDir);
    url = app.url;
    token = (await createAdminSession(url)).fullAccessToken;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
    fs.rmSync(hostDir, { recursive: true, force: true });
    fs.rmSync(packDir, { recursive: true, force: true });
    fs.rmSync(resolutionLog, { force: true });
  });

  it('packs the built plugin with its README and LICENSE, and requires pg rather than bundling it', () => {
    const files = pack.files.map((file) => file.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/server/index.js', 'dist/server/index.mjs', 'dist/admin/index.js']));
    expect(files.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file))).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(installedDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(['pg', 'pg-boss', 'twilio']));
    const server = fs.readFileSync(path.join(installedDir, 'dist/server/index.js'), 'utf8');
    expect(server).toContain('require("pg")');
    // A message name of pg's wire protocol parser: present only if pg were bundled.
    expect(server).not.toContain('readyForQuery');
  });

  it('ships type declarations for the server entry whose every relative import resolves inside the package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(installedDir, 'package.json'), 'utf8')) as {
      exports: Record<string, { types?: string }>;
    };
    const entry = manifest.exports['./strapi-server']?.types;
    expect(entry).toBe('./dist/server/src/index.d.ts');
    const declarations = pack.files.map((file) => file.path).filter((file) => file.endsWith('.d.ts'));
    expect(declarations).toEqual(expect.arrayContaining(['dist/server/src/index.d.ts', 'dist/shared/permissions.d.ts']));
    const unresolved = declarations.flatMap((file) => {
      const text = fs.readFileSync(path.join(installedDir, file), 'utf8');
      const specifiers = [...text.matchAll(/(?:from |import\()'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
      return specifiers
        .filter((specifier) => !['.d.ts', '/index.d.ts'].some((suffix) => fs.existsSync(path.join(installedDir, path.dirname(file), specifier.replace(/\.js$/, '')) + suffix)))
        .map((specifier) => `${file} -> ${specifier}`);
    });
    expect(unresolved).toEqual([]);
  });

  it('loads the plugin from the installed package, never from the workspace', () => {
    const resolved = fs.readFileSync(resolutionLog, 'utf8').split('\n').filter(Boolean);
    expect(resolved).toContain(path.join(installedDir, 'dist/server/index.js'));
    expect(resolved.filter((file) => file.startsWith(`${PLUGIN_DIR}${path.sep}`))).toEqual([]);
  });

  it('boots without the raw-body warning, since the host keeps the raw body', () => {
    const log = fs.readFileSync(logFile, 'utf8');
    expect(log).toContain('[whatsapp] ready');
    expect(log).not.toContain('includeUnparsed');
    expect(log).not.toContain(ctx.twilioAuthToken);
  });

  it('stores a signed inbound webhook and sends a reply through Twilio', async () => {
    const phone = uniqueIndianMobile();
    const params = inboundParams({ From: phone, Body: 'Hello from an installed plugin' });
    const signature = twilio.getExpectedTwilioSignature(ctx.twilioAuthToken, `${url}${INBOUND_PATH}`, params);
    const webhook = await fetch(`${url}${INBOUND_PATH}`, {
      method: 'POST',
      headers: { 'content-type': FORM, 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    expect(webhook.status).toBe(200);

    const api = apiAt(url, token);
    const stored = await api.get('/api/whatsapp/messages').query({ 'filters[twilioSid][$eq]': params.MessageSid }).expect(200);
    expect(stored.body.data).toEqual([expect.objectContaining({ direction: 'inbound', from: phone, body: 'Hello from an installed plugin' })]);

    const sent = await api.post('/api/whatsapp/messages').send({ data: { to: phone, body: `Reply ${crypto.randomUUID()}` } });
    expect(sent.status).toBe(201);
    const documentId = sent.body.data.documentId as string;
    const twilioSid = await waitFor('the reply handed to Twilio', async () => {
      const message = await api.get(`/api/whatsapp/messages/${documentId}`).expect(200);
      return (message.body.data.twilioSid as string | null) ?? undefined;
    });
    expect(twilioSid).toMatch(/^SM[0-9a-f]{32}$/);
  });
});
