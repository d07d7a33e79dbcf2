/**
 * Campaign benchmark (`npm run bench:campaign`). Loopback only: one app (`strapi start`), a
 * throw-away PostgreSQL and the Twilio emulator, on this machine.
 *
 * 1. Paced: a campaign of BENCH_RECIPIENTS candidates at WHATSAPP_MPS = BENCH_MPS, with the emulator
 *    advancing statuses and posting callbacks as Twilio does. Prints the launch time and the send
 *    rate achieved (from the emulator's creation times) as a ratio of WHATSAPP_MPS.
 * 2. Pacing off (WHATSAPP_MPS = 100000, the bucket never makes a send wait): a second campaign of
 *    the same size, against the raw `twilio` SDK → emulator rate at the same concurrency, measured
 *    in this run just before and just after (the emulator posts no callbacks in this part). Both
 *    are measured warm, as a running app is: the app sends a warm-up campaign of
 *    BENCH_WARMUP_MESSAGES first, and the raw SDK as many messages before its timed ones (on a
 *    cold start V8 is still compiling the SDK's request path for the first few thousand sends).
 * Both campaigns are then checked: every recipient exactly one message at Twilio, none lost.
 *
 * Options (environment): BENCH_RECIPIENTS (10000), BENCH_MPS (200), BENCH_RAW_MESSAGES (3000),
 * BENCH_WARMUP_MESSAGES (3000), BENCH_TIME_LIMIT_MS (900000), BENCH_PACED_CALLBACKS (on; `off`), BENCH_ONLY (`paced` | `unpaced`),
 * WHATSAPP_CAMPAIGN_CONCURRENCY (the dispatcher's; by default from the MPS, domain/dispatch-concurrency.ts).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { Client } from 'pg';
import { dispatchConcurrency } from '../../plugins/whatsapp/server/src/domain/dispatch-concurrency';
import { createBenchWorld, SENDER, type BenchWorld } from './app';
import { postgresCpuMs, processCpuMs } from './cpu';
import { PG_STATEMENTS_TOP, resetPgStatements, topPgStatements } from './pg-statements';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const MPS = Number(process.env.BENCH_MPS ?? 200);
const RAW_MESSAGES = Number(process.env.BENCH_RAW_MESSAGES ?? 3_000);
const WARMUP_MESSAGES = Number(process.env.BENCH_WARMUP_MESSAGES ?? 3_000);
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 15 * 60_000);
const UNPACED_MPS = 100_000;
const CONCURRENCY_OVERRIDE = process.env.WHATSAPP_CAMPAIGN_CONCURRENCY ? Number(process.env.WHATSAPP_CAMPAIGN_CONCURRENCY) : undefined;
/** What the dispatcher keeps in flight in each part; the raw SDK runs at the unpaced one. */
const CONCURRENCY = { paced: dispatchConcurrency(MPS, CONCURRENCY_OVERRIDE), unpaced: dispatchConcurrency(UNPACED_MPS, CONCURRENCY_OVERRIDE) };
/** `off`: the emulator posts no status callbacks during the paced campaign either. */
const PACED_CALLBACKS = process.env.BENCH_PACED_CALLBACKS !== 'off';
/** Run only the paced or only the unpaced part (both by default). */
const ONLY = process.env.BENCH_ONLY;
const TARGET = { paced: 0.95, unpaced: 0.7 };

const fmt = (value: number, digits = 2) => value.toFixed(digits);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const log = (text: string) => process.stdout.write(`[bench +${fmt((Date.now() - started) / 1000, 0)}s] ${text}\n`);

const withDb = async <T>(world: BenchWorld, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: world.database.connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** Candidates tagged `tag`, numbers +9198… from `first`: one statement, as an import would. */
const seedCandidates = (world: BenchWorld, tag: string, first: number, count: number) =>
  withDb(world, (client) =>
    client.query(
      `INSERT INTO plugin_whatsapp_candidates (document_id, name, phone, opt_in, tags, created_at, updated_at, published_at)
       SELECT 'bench' || md5(random()::text || i), 'Candidate ' || i, '+9198' || lpad(i::text, 8, '0'), 'opted_in',
              jsonb_build_array($1::text), now(), now(), now()
         FROM generate_series($2::int, $2::int + $3::int - 1) AS i`,
      [tag, first, count]
    )
  );

const api = async (app: { url: string; token: string }, method: string, route: string, data?: unknown) => {
  const response = await fetch(`${app.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${app.token}`, ...(data !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(data !== undefined ? { body: JSON.stringify({ data }) } : {}),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; error?: unknown };
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(body.error)}`);
  return body.data!;
};

const approvedTemplate = async (world: BenchWorld, app: { url: string; token: string }) => {
  const name = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const body = 'Hi {{1}}, your interview is on {{2}}.';
  const variables = { '1': 'Asha', '2': 'Monday' };
  const content = world.emulator.seedContent({ friendlyName: name, body, variables, approval: { status: 'approved', name, category: 'UTILITY' } } as never);
  const template = await api(app, 'POST', '/api/whatsapp/templates', { name, body, variables });
  await withDb(world, (client) =>
    client.query(`UPDATE plugin_whatsapp_templates SET approval_status = 'approved', content_sid = $1 WHERE document_id = $2`, [
      content.sid,
      template.documentId,
    ])
  );
  return { documentId: String(template.documentId), contentSid: content.sid };
};

const createCampaign = (app: { url: string; token: string }, template: string, tag: string) =>
  api(app, 'POST', '/api/whatsapp/campaigns', {
    name: `bench ${tag}`,
    template,
    variableMapping: { '1': { source: 'field', field: 'name' }, '2': { source: 'text', value: 'Friday' } },
    audience: { tags: [tag] },
  });

const launch = async (app: { url: string; token: string }, documentId: string) => {
  const t0 = performance.now();
  await api(app, 'POST', `/api/whatsapp/campaigns/${documentId}/launch`);
  return performance.now() - t0;
};

const waitCompleted = async (app: { url: string; token: string }, documentId: string) => {
  for (;;) {
    if (Date.now() - started > TIME_LIMIT_MS) throw new Error(`time limit (${TIME_LIMIT_MS} ms) reached`);
    const campaign = await api(app, 'GET', `/api/whatsapp/campaigns/${documentId}`);
    if (campaign.state === 'completed') return campaign;
    await sleep(1_000);
  }
};

/** The server's own launch time, from its log line for this campaign. */
const serverLaunchMs = (world: BenchWorld, documentId: string): number | null => {
  const text = fs.existsSync(world.logFile) ? fs.readFileSync(world.logFile, 'utf8') : '';
  const match = new RegExp(`campaign ${documentId} launched \\(manual\\): .* in (\\d+) ms`).exec(text);
  return match ? Number(match[1]) : null;
};

/** CPU ms used so far by the app, the PostgreSQL server and this process (which runs the emulator). */
const cpuSoFar = async (world: BenchWorld, appPid: number | undefined) => {
  const usage = process.cpuUsage();
  return {
    app: processCpuMs(appPid),
    postgres: await withDb(world, postgresCpuMs),
    bench: (usage.user + usage.system) / 1000,
  };
};

/** Transactions committed in the benchmark's database so far (every statement outside a transaction is one). */
const commitsSoFar = (world: BenchWorld) =>
  withDb(world, async (client) =>
    Number((await client.query('SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()')).rows[0].n)
  );

type Outcome = { perSecond: Map<number, number>; duplicates: number; lost: number; atTwilio: number; storedSids: number };

/** What Twilio (the emulator) and our database hold for the campaign's recipients. */
const inspect = async (world: BenchWorld, campaignDocumentId: string, firstPhone: number, count: number): Promise<Outcome> => {
  const phones = new Set(Array.from({ length: count }, (_, index) => `whatsapp:+9198${String(firstPhone + index).padStart(8, '0')}`));
  const perNumber = new Map<string, number>();
  const perSecond = new Map<number, number>();
  for (const message of world.emulator.listMessages({ direction: 'outbound-api' })) {
    if (!phones.has(message.to)) continue;
    perNumber.set(message.to, (perNumber.get(message.to) ?? 0) + 1);
    const second = Math.floor(new Date(message.dateCreated).getTime() / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  const storedSids = await withDb(world, async (client) =>
    Number(
      (
        await client.query(
          `SELECT count(DISTINCT m.twilio_sid)::int AS n
             FROM plugin_whatsapp_messages m
             JOIN plugin_whatsapp_messages_campaign_lnk l ON l.message_id = m.id
             JOIN plugin_whatsapp_campaigns c ON c.id = l.campaign_id
            WHERE c.document_id = $1 AND m.twilio_sid IS NOT NULL`,
          [campaignDocumentId]
        )
      ).rows[0].n
    )
  );
  let duplicates = 0;
  let lost = 0;
  for (const phone of phones) {
    const n = perNumber.get(phone) ?? 0;
    if (n === 0) lost += 1;
    if (n > 1) duplicates += n - 1;
  }
  return { perSecond, duplicates, lost, atTwilio: [...perNumber.values()].reduce((a, b) => a + b, 0), storedSids };
};

/**
 * Sends per second over the whole seconds strictly inside the campaign (Twilio's timestamps are
 * whole seconds, so the first and last are partial).
 */
const steadyRate = (perSecond: Map<number, number>) => {
  const seconds = [...perSecond.keys()].sort((a, b) => a - b);
  const first = seconds[0]!;
  const last = seconds.at(-1)!;
  const busiest = Math.max(...perSecond.values());
  // The most sends in any 5 consecutive whole seconds (the two-instance test's measure).
  let busiest5 = 0;
  for (let start = first; start <= last; start += 1) {
    let sum = 0;
    for (let second = start; second < start + 5; second += 1) sum += perSecond.get(second) ?? 0;
    busiest5 = Math.max(busiest5, sum);
  }
  // Too short to have whole seconds inside (a tiny audience): the whole span, partial seconds and all.
  if (last - first < 2) return { rate: [...perSecond.values()].reduce((a, b) => a + b, 0) / (last - first + 1), seconds: last - first + 1, busiest, busiest5 };
  let inside = 0;
  for (let second = first + 1; second < last; second += 1) inside += perSecond.get(second) ?? 0;
  return { rate: inside / (last - first - 1), seconds: last - first + 1, busiest, busiest5 };
};

/** Sends in each second of the campaign, in order (what a chart of the pace would show). */
const perSecondSeries = (perSecond: Map<number, number>) => {
  const seconds = [...perSecond.keys()].sort((a, b) => a - b);
  return Array.from({ length: seconds.at(-1)! - seconds[0]! + 1 }, (_, index) => perSecond.get(seconds[0]! + index) ?? 0).join(' ');
};

/** The raw SDK's send rate, and the CPU time its process spent per message. */
type RawRun = { rate: number; cpuMsPerMessage: number };

const rawSdkRate = (world: BenchWorld, app: { url: string }, contentSid: string, firstPhone: number) =>
  new Promise<RawRun>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        // e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the baseline as BENCH_APP_NODE_OPTIONS does the app.
        ...(process.env.BENCH_RAW_NODE_ARGS ? process.env.BENCH_RAW_NODE_ARGS.split(' ') : []),
        '--import',
        'tsx',
        path.join(__dirname, 'raw-sdk.ts'),
        world.emulatorUrl,
        world.emulator.accountSid,
        world.emulator.authToken,
        SENDER,
        contentSid,
        `${app.url}/api/whatsapp/webhook/status`,
        String(RAW_MESSAGES),
        String(CONCURRENCY.unpaced),
        String(firstPhone),
        String(WARMUP_MESSAGES),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`raw SDK run exited with ${code}`));
      const { sent, ms, cpuMs } = JSON.parse(out) as { sent: number; ms: number; cpuMs: number };
      resolve({ rate: sent / (ms / 1000), cpuMsPerMessage: cpuMs / sent });
    });
  });

type PacedResult = {
  launchMs: number;
  serverMs: number | null;
  rate: ReturnType<typeof steadyRate>;
  outcome: Outcome;
  stats: Record<string, number>;
  commitsPerMessage: number;
};
type UnpacedResult = {
  launchMs: number;
  rate: ReturnType<typeof steadyRate>;
  outcome: Outcome;
  rawBefore: RawRun;
  rawAfter: RawRun;
  commitsPerMessage: number;
  /** CPU ms per message from launch to completion: the app, PostgreSQL, and this process (the emulator). */
  cpu: { app: number; postgres: number; emulator: number };
  /** BENCH_PG_STATEMENTS: where the database time went (lines to print). */
  statements: string[];
};

/** 1. Paced at WHATSAPP_MPS, the emulator advancing statuses and posting callbacks as Twilio does. */
const runPaced = async (world: BenchWorld, template: { documentId: string }): Promise<PacedResult> => {
  const app = await world.startApp(MPS);
  const campaign = await createCampaign(app, template.documentId, 'bench-paced');
  world.emulator.configure({ autoAdvance: true, callbacks: PACED_CALLBACKS });
  const commitsBefore = await commitsSoFar(world);
  const launchMs = await launch(app, String(campaign.documentId));
  log(`paced campaign launched in ${fmt(launchMs, 0)} ms; sending at ${MPS}/s (callbacks ${PACED_CALLBACKS ? 'on' : 'off'})`);
  const done = await waitCompleted(app, String(campaign.documentId));
  const commitsPerMessage = ((await commitsSoFar(world)) - commitsBefore) / RECIPIENTS;
  const outcome = await inspect(world, String(campaign.documentId), 0, RECIPIENTS);
  const rate = steadyRate(outcome.perSecond);
  log(`paced campaign completed: ${outcome.atTwilio} messages at Twilio in ${rate.seconds} s`);
  log(`paced sends per second: ${perSecondSeries(outcome.perSecond)}`);
  return {
    launchMs,
    serverMs: serverLaunchMs(world, String(campaign.documentId)),
    rate,
    outcome,
    stats: done.stats as Record<string, number>,
    commitsPerMessage,
  };
};

/** 2. Pacing off, against the raw SDK just before and after; no callbacks (the raw run has none either). */
const runUnpaced = async (world: BenchWorld, template: { documentId: string; contentSid: string }): Promise<UnpacedResult> => {
  world.emulator.configure({ autoAdvance: false, callbacks: false });
  const app = await world.startApp(UNPACED_MPS);
  if (WARMUP_MESSAGES > 0) {
    const warmup = await createCampaign(app, template.documentId, 'bench-warmup');
    await launch(app, String(warmup.documentId));
    await waitCompleted(app, String(warmup.documentId));
    log(`warm-up campaign of ${WARMUP_MESSAGES} sent`);
  }
  const campaign = await createCampaign(app, template.documentId, 'bench-unpaced');
  const rawBefore = await rawSdkRate(world, app, template.contentSid, 0);
  log(`raw SDK → emulator: ${fmt(rawBefore.rate, 0)} messages/s (concurrency ${CONCURRENCY.unpaced})`);
  if (PG_STATEMENTS_TOP > 0) await withDb(world, resetPgStatements);
  const commitsBefore = await commitsSoFar(world);
  const cpuBefore = await cpuSoFar(world, app.pid);
  const launchMs = await launch(app, String(campaign.documentId));
  await waitCompleted(app, String(campaign.documentId));
  const cpuAfter = await cpuSoFar(world, app.pid);
  const commitsPerMessage = ((await commitsSoFar(world)) - commitsBefore) / RECIPIENTS;
  const outcome = await inspect(world, String(campaign.documentId), RECIPIENTS, RECIPIENTS);
  const statements = PG_STATEMENTS_TOP > 0 ? await withDb(world, (client) => topPgStatements(client, RECIPIENTS)) : [];
  const rate = steadyRate(outcome.perSecond);
  const rawAfter = await rawSdkRate(world, app, template.contentSid, RAW_MESSAGES * 2);
  log(`unpaced campaign completed: ${fmt(rate.rate, 0)} messages/s; raw SDK after: ${fmt(rawAfter.rate, 0)}/s`);
  log(`unpaced sends per second: ${perSecondSeries(outcome.perSecond)}`);
  const perMessage = (before: number, after: number) => (after - before) / RECIPIENTS;
  const cpu = {
    app: perMessage(cpuBefore.app, cpuAfter.app),
    postgres: perMessage(cpuBefore.postgres, cpuAfter.postgres),
    emulator: perMessage(cpuBefore.bench, cpuAfter.bench),
  };
  return { launchMs, rate, outcome, rawBefore, rawAfter, commitsPerMessage, cpu, statements };
};

const main = async () => {
  log(`building and starting (recipients ${RECIPIENTS}, WHATSAPP_MPS ${MPS}, dispatcher concurrency ${CONCURRENCY.paced} paced, ${CONCURRENCY.unpaced} unpaced)`);
  const world = await createBenchWorld();
  const guard = setTimeout(() => {
    process.stderr.write(`[bench] time limit (${TIME_LIMIT_MS} ms) reached, stopping\n`);
    void world.stop().finally(() => process.exit(2));
  }, TIME_LIMIT_MS + 60_000);
  guard.unref();
  try {
    const app = await world.startApp(MPS);
    await seedCandidates(world, 'bench-paced', 0, RECIPIENTS);
    await seedCandidates(world, 'bench-unpaced', RECIPIENTS, RECIPIENTS);
    if (WARMUP_MESSAGES > 0) await seedCandidates(world, 'bench-warmup', 2 * RECIPIENTS, WARMUP_MESSAGES);
    const template = await approvedTemplate(world, app);
    const paced = ONLY === 'unpaced' ? null : await runPaced(world, template);
    const unpaced = ONLY === 'paced' ? null : await runUnpaced(world, template);

    const lines = ['', `campaign benchmark — ${RECIPIENTS} recipients per campaign, loopback, dispatcher concurrency ${CONCURRENCY.paced} paced / ${CONCURRENCY.unpaced} unpaced`];
    const verdicts: Array<[string, boolean]> = [];
    const outcomes = [paced?.outcome, unpaced?.outcome].filter((outcome): outcome is Outcome => Boolean(outcome));
    if (paced) {
      const ratio = paced.rate.rate / MPS;
      const stats = paced.stats;
      lines.push(
        `launch (paced campaign)      ${fmt(paced.launchMs, 0)} ms over HTTP (server: ${paced.serverMs ?? '?'} ms)`,
        `paced send rate              ${fmt(paced.rate.rate, 1)}/s of WHATSAPP_MPS ${MPS} → ratio ${fmt(ratio)} (target ≥ ${TARGET.paced}); busiest second ${paced.rate.busiest} (${fmt(paced.rate.busiest / MPS)} × MPS), busiest 5 s ${paced.rate.busiest5} (${fmt(paced.rate.busiest5 / (5 * MPS))} × MPS); ${paced.rate.seconds} s in all; status callbacks ${PACED_CALLBACKS ? 'on' : 'off'}`,
        `paced database commits      ${fmt(paced.commitsPerMessage)} per message`,
        `paced stats at completion    ${JSON.stringify({ total: stats.total, queued: stats.queued, sent: stats.sent, delivered: stats.delivered, read: stats.read, failed: stats.failed })}`
      );
      verdicts.push([`paced ratio ≥ ${TARGET.paced}`, ratio >= TARGET.paced]);
    }
    if (unpaced) {
      const raw = (unpaced.rawBefore.rate + unpaced.rawAfter.rate) / 2;
      const ratio = unpaced.rate.rate / raw;
      const rawCpu = (unpaced.rawBefore.cpuMsPerMessage + unpaced.rawAfter.cpuMsPerMessage) / 2;
      const { cpu } = unpaced;
      lines.push(
        `unpaced launch               ${fmt(unpaced.launchMs, 0)} ms over HTTP`,
        `unpaced dispatch rate        ${fmt(unpaced.rate.rate, 1)}/s; ${fmt(unpaced.commitsPerMessage)} database commits per message`,
        `raw twilio SDK → emulator    ${fmt(unpaced.rawBefore.rate, 1)}/s before, ${fmt(unpaced.rawAfter.rate, 1)}/s after (mean ${fmt(raw, 1)}/s), concurrency ${CONCURRENCY.unpaced}; both warmed up with ${WARMUP_MESSAGES} messages`,
        `unpaced / raw ratio          ${fmt(ratio)} (target ≥ ${TARGET.unpaced})`,
        `CPU per message (unpaced)    app ${fmt(cpu.app, 3)} ms (${fmt(cpu.app / rawCpu)} × the raw SDK process's ${fmt(rawCpu, 3)} ms), PostgreSQL ${fmt(cpu.postgres, 3)} ms, emulator (bench process) ${fmt(cpu.emulator, 3)} ms; ${os.cpus().length} CPUs`,
        ...unpaced.statements
      );
      verdicts.push([`unpaced ratio ≥ ${TARGET.unpaced}`, ratio >= TARGET.unpaced]);
    }
    const duplicates = outcomes.reduce((sum, outcome) => sum + outcome.duplicates, 0);
    const lost = outcomes.reduce((sum, outcome) => sum + outcome.lost, 0);
    const unrecorded = outcomes.reduce((sum, outcome) => sum + (RECIPIENTS - outcome.storedSids), 0);
    lines.push(
      `duplicates                   ${duplicates}`,
      `lost                         ${lost}; SIDs not stored ${unrecorded} of ${RECIPIENTS * outcomes.length}`,
      ''
    );
    verdicts.push(['no duplicates', duplicates === 0], ['none lost', lost === 0 && unrecorded === 0]);
    lines.push(`targets: ${verdicts.map(([label, ok]) => `${label} ${ok ? 'OK' : 'MISSED'}`).join(', ')}`, '');
    process.stdout.write(lines.join('\n'));
    // Correctness failures fail the run; speed depends on the machine and is reported above.
    if (duplicates !== 0 || lost !== 0 || unrecorded !== 0) process.exitCode = 1;
  } finally {
    await world.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
