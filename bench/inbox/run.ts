/**
 * Inbox benchmark (`npm run bench:inbox`). Loopback only: one app (`strapi start`) on a throw-away
 * PostgreSQL, seeded with set-based SQL (bench/inbox/seed.ts): BENCH_CANDIDATES candidates with a
 * conversation each, BENCH_MESSAGES messages (BENCH_LONG_THREAD of them in one conversation).
 *
 * It then times the inbox's reads, through the admin API (the admin panel's JWT) and the REST
 * content API (a full-access API token), in interleaved rounds with the app's own GET /_health,
 * so that whatever else the machine is doing weighs on all of them alike. Each read's p50 and p95
 * are printed in milliseconds and as a ratio of /_health's, and written to bench/results/ as JSON.
 *
 * Options (environment): BENCH_CANDIDATES (100000), BENCH_MESSAGES (1000000), BENCH_LONG_THREAD
 * (100000), BENCH_ROUNDS (200), BENCH_WARMUP_ROUNDS (20), BENCH_DEEP_POSITION (50000: the deep
 * page starts after this many conversations), BENCH_EXPLAIN (on: the slowest read's plans; `all`: every read's; `off`).
 */
import os from 'node:os';
import { Client } from 'pg';
import { fmt, log, percentile, runBench, writeResults } from '../shared/report';
import { createBenchWorld, SENDER } from '../campaign/app';
import { encodeConversationCursor } from '../../plugins/whatsapp/server/src/domain/inbox-cursor';
import { databaseMs, explainRead, explainSlowest, type TimedRead } from './explain';
import { seedInbox, seededCandidate } from './seed';

const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 100_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const LONG_THREAD = Number(process.env.BENCH_LONG_THREAD ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 20);
const DEEP_POSITION = Number(process.env.BENCH_DEEP_POSITION ?? 50_000);
const EXPLAIN = process.env.BENCH_EXPLAIN !== 'off';
const PAGE_SIZE = 25;
const TARGET_P95_MS = 50;



type Read = TimedRead & { auth: 'admin' | 'token' | 'none'; check(body: unknown): void };

const dataOf = (body: unknown) => (body as { data: Array<Record<string, unknown>> }).data;
const expectRows = (label: string, min: number) => (body: unknown) => {
  const rows = dataOf(body);
  if (!Array.isArray(rows) || rows.length < min) throw new Error(`${label}: expected at least ${min} rows, got ${JSON.stringify(body).slice(0, 300)}`);
};

const main = async () => {
  log(`building and starting (candidates ${CANDIDATES}, messages ${MESSAGES}, long thread ${LONG_THREAD})`);
  const world = await createBenchWorld();
  try {
    const app = await world.startApp(80);
    const client = new Client({ connectionString: world.database.connectionString });
    await client.connect();
    try {
      const seedStarted = performance.now();
      await seedInbox(client, { candidates: CANDIDATES, messages: MESSAGES, longThread: LONG_THREAD, sender: SENDER }, log);
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      log(`seeded in ${fmt(seedSeconds)} s`);

      const conversationOf = async (i: number) =>
        String(
          (
            await client.query(
              `SELECT cv.document_id FROM plugin_whatsapp_conversations cv
                 JOIN plugin_whatsapp_conversations_candidate_lnk l ON l.conversation_id = cv.id
                 JOIN plugin_whatsapp_candidates c ON c.id = l.candidate_id WHERE c.phone = $1`,
              [seededCandidate(i).phone]
            )
          ).rows[0].document_id
        );
      const longThread = await conversationOf(1);
      const shortThread = await conversationOf(Math.floor(CANDIDATES / 2));
      // The conversation just before the deep page, in the list's order.
      const deep = (
        await client.query(
          `SELECT id, to_char(last_message_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM plugin_whatsapp_conversations
            ORDER BY last_message_at DESC NULLS LAST, id DESC OFFSET $1 LIMIT 1`,
          [DEEP_POSITION - 1]
        )
      ).rows[0] as { id: number; at: string | null };
      const deepCursor = encodeConversationCursor({ at: deep.at, id: Number(deep.id) });
      // Someone in the middle of the list: the last 8 digits of their number, their full name.
      const probe = seededCandidate(Math.max(2, Math.floor(CANDIDATES * 0.54321)));
      const number = probe.phone.slice(-8);
      const name = probe.name;
      const deepPage = Math.floor(DEEP_POSITION / PAGE_SIZE) + 1;

      const reads: Read[] = [
        { key: 'health', label: 'GET /_health (reference)', path: '/_health', auth: 'none', check: () => undefined },
        // What any admin request costs (JWT, session and user lookup) before the plugin runs.
        { key: 'adminFloor', label: 'GET /admin/users/me (admin request floor)', path: '/admin/users/me', auth: 'admin', check: () => undefined },
        // As the Inbox page asks for it (no total), then with the total a page-based caller gets.
        { key: 'adminFirstPage', label: 'admin list, first page', path: `/whatsapp/inbox/conversations?pageSize=${PAGE_SIZE}&withCount=false`, auth: 'admin', check: expectRows('first page', PAGE_SIZE) },
        { key: 'adminFirstPageTotal', label: 'admin list, first page with its total', path: `/whatsapp/inbox/conversations?pageSize=${PAGE_SIZE}`, auth: 'admin', check: expectRows('first page', PAGE_SIZE) },
        { key: 'adminDeepPage', label: `admin list, deep page (cursor after ${DEEP_POSITION})`, path: `/whatsapp/inbox/conversations?pageSize=${PAGE_SIZE}&cursor=${encodeURIComponent(deepCursor)}`, auth: 'admin', check: expectRows('deep page', PAGE_SIZE) },
        { key: 'adminSearchNumber', label: `admin search by number (${number})`, path: `/whatsapp/inbox/conversations?pageSize=${PAGE_SIZE}&withCount=false&search=${encodeURIComponent(number)}`, auth: 'admin', check: expectRows('number search', 1) },
        { key: 'adminSearchName', label: `admin search by name (${name})`, path: `/whatsapp/inbox/conversations?pageSize=${PAGE_SIZE}&withCount=false&search=${encodeURIComponent(name)}`, auth: 'admin', check: expectRows('name search', 1) },
        { key: 'adminUnread', label: 'admin unread filter', path: `/whatsapp/inbox/conversations?pageSize=${PAGE_SIZE}&withCount=false&unread=true`, auth: 'admin', check: expectRows('unread', PAGE_SIZE) },
        { key: 'adminThreadLong', label: `admin thread, latest 50 (${LONG_THREAD}-message thread)`, path: `/whatsapp/inbox/conversations/${longThread}/messages?limit=50`, auth: 'admin', check: expectRows('long thread', 50) },
        { key: 'adminThreadShort', label: 'admin thread, latest 50 (a typical thread)', path: `/whatsapp/inbox/conversations/${shortThread}/messages?limit=50`, auth: 'admin', check: expectRows('short thread', 1) },
        { key: 'restFirstPage', label: 'REST conversations, first page', path: `/api/whatsapp/conversations?sort=lastMessageAt:desc&pagination[pageSize]=${PAGE_SIZE}`, auth: 'token', check: expectRows('REST first page', PAGE_SIZE) },
        { key: 'restDeepPage', label: `REST conversations, pagination[page]=${deepPage}`, path: `/api/whatsapp/conversations?sort=lastMessageAt:desc&pagination[pageSize]=${PAGE_SIZE}&pagination[page]=${deepPage}`, auth: 'token', check: expectRows('REST deep page', PAGE_SIZE) },
        { key: 'restLatestDeep', label: `REST /conversations/latest, deep page (cursor after ${DEEP_POSITION})`, path: `/api/whatsapp/conversations/latest?pageSize=${PAGE_SIZE}&cursor=${encodeURIComponent(deepCursor)}`, auth: 'token', check: expectRows('REST latest deep page', PAGE_SIZE) },
        { key: 'restThreadCursor', label: 'REST /conversations/:id/messages, latest 50 (long thread)', path: `/api/whatsapp/conversations/${longThread}/messages?limit=50`, auth: 'token', check: expectRows('REST thread route', 50) },
        { key: 'restThreadLong', label: 'REST /messages?filters[conversation], latest 50 (long)', path: `/api/whatsapp/messages?filters[conversation][documentId][$eq]=${longThread}&sort[0]=createdAt:desc&sort[1]=id:desc&pagination[pageSize]=50`, auth: 'token', check: expectRows('REST long thread', 50) },
      ];

      const headers = { admin: { authorization: `Bearer ${app.adminJwt}` }, token: { authorization: `Bearer ${app.token}` }, none: {} };
      const timeOne = async (read: Read) => {
        const t0 = performance.now();
        const response = await fetch(`${app.url}${read.path}`, { headers: headers[read.auth] });
        const text = await response.text();
        const ms = performance.now() - t0;
        if (!response.ok) throw new Error(`${read.label}: ${response.status} ${text.slice(0, 300)}`);
        return { ms, text };
      };
      for (const read of reads) {
        const { text } = await timeOne(read);
        read.check(text ? JSON.parse(text) : null);
      }
      log(`warming up (${WARMUP_ROUNDS} rounds), then ${ROUNDS} timed rounds of ${reads.length} reads`);
      const samples = new Map<string, number[]>(reads.map((read) => [read.key, []]));
      for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round += 1) {
        // A different order each round, so no read always follows the same one.
        const order = [...reads].sort(() => Math.random() - 0.5);
        for (const read of order) {
          const { ms } = await timeOne(read);
          if (round >= WARMUP_ROUNDS) samples.get(read.key)!.push(ms);
        }
      }

      const health = [...samples.get('health')!].sort((a, b) => a - b);
      const healthP50 = percentile(health, 50);
      const healthP95 = percentile(health, 95);
      const results = reads.map((read) => {
        const sorted = [...samples.get(read.key)!].sort((a, b) => a - b);
        const p50 = percentile(sorted, 50);
        const p95 = percentile(sorted, 95);
        return { ...read, p50, p95, ratioP50: p50 / healthP50, ratioP95: p95 / healthP95, ok: read.key === 'health' || read.key === 'adminFloor' || p95 <= TARGET_P95_MS };
      });

      const context = { deepCursor, number, name, longThread, shortThread, pageSize: PAGE_SIZE, deepPage };
      if (process.env.BENCH_EXPLAIN === 'all') {
        for (const result of results) {
          const text = await explainRead(client, result.key, context);
          if (text) process.stdout.write(`\n== ${result.label}\n${text}\n`);
        }
      }
      const dbMs = new Map<string, number | null>();
      for (const result of results) dbMs.set(result.key, await databaseMs(client, result.key, context));
      const plan = EXPLAIN ? await explainSlowest(client, results.filter((result) => result.key !== 'health'), context) : null;

      const lines = [
        '',
        `inbox benchmark — ${CANDIDATES} candidates and conversations, ${MESSAGES} messages (one thread of ${LONG_THREAD}), ${ROUNDS} rounds, ${os.cpus().length} CPUs; seeded in ${fmt(seedSeconds)} s`,
        `${'read'.padEnd(58)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p50/health'.padStart(11)} ${'p95/health'.padStart(11)} ${'db ms'.padStart(7)}  target p95 ≤ ${TARGET_P95_MS} ms`,
        ...results.map((result) => {
          const db = dbMs.get(result.key);
          return `${result.label.padEnd(58)} ${fmt(result.p50, 2).padStart(8)} ${fmt(result.p95, 2).padStart(8)} ${fmt(result.ratioP50, 1).padStart(11)} ${fmt(result.ratioP95, 1).padStart(11)} ${(db === null || db === undefined ? '' : fmt(db, 2)).padStart(7)}  ${result.key === 'health' || result.key === 'adminFloor' ? '' : result.ok ? 'OK' : 'MISSED'}`;
        }),
        'db ms: PostgreSQL planning + execution of the read\'s statements (EXPLAIN ANALYZE, median of 5), apart from HTTP and Strapi.',
        '',
        ...(plan ? [`EXPLAIN (ANALYZE, BUFFERS) of the slowest read with known statements: ${plan.label} (p95 ${fmt(plan.p95, 2)} ms)`, plan.text, ''] : []),
      ];
      process.stdout.write(lines.join('\n'));

      writeResults('inbox', {
        seed: { candidates: CANDIDATES, messages: MESSAGES, longThread: LONG_THREAD, seconds: seedSeconds },
        rounds: ROUNDS,
        targetP95Ms: TARGET_P95_MS,
        health: { p50: healthP50, p95: healthP95 },
        reads: results.map(({ key, label, path: route, p50, p95, ratioP50, ratioP95, ok }) => ({ key, label, path: route, p50, p95, ratioP50, ratioP95, databaseMs: dbMs.get(key) ?? null, ok })),
        slowestPlan: plan,
      });
    } finally {
      await client.end();
    }
  } finally {
    await world.stop();
  }
};

runBench(main);
