/**
 * Team inbox benchmark (`npm run bench:team-inbox`). One app (`strapi start`) on a throw-away
 * PostgreSQL seeded like the inbox benchmark (bench/inbox/seed.ts): BENCH_CONVERSATIONS candidates
 * with a conversation each, a third assigned to the signed-in admin, a third to another admin and
 * a third unassigned, and BENCH_NOTES notes in the long thread. It times, in interleaved rounds
 * with the app's own GET /_health, the Inbox's Mine / Unassigned / All lists, their counts, and a
 * thread page with notes; p50 and p95 in ms and as a ratio of /_health's, and each read's plan
 * checked for the team-inbox indexes. Results in bench/results/ as JSON.
 *
 * Options: BENCH_CONVERSATIONS (100000), BENCH_MESSAGES (200000), BENCH_NOTES (2000), BENCH_ROUNDS (100), BENCH_WARMUP_ROUNDS (10).
 */
import os from 'node:os';
import { Client } from 'pg';
import { fmt, log, percentile, runBench, writeResults } from '../shared/report';
import { createBenchWorld, SENDER } from '../campaign/app';
import { seedInbox } from '../inbox/seed';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 200_000);
const NOTES = Number(process.env.BENCH_NOTES ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 10);
const PAGE_SIZE = 50;


const main = async () => {
  log(`building and starting (conversations ${CONVERSATIONS}, messages ${MESSAGES}, notes ${NOTES})`);
  const world = await createBenchWorld();
  try {
    const app = await world.startApp(80);
    const client = new Client({ connectionString: world.database.connectionString });
    await client.connect();
    try {
      await seedInbox(client, { candidates: CONVERSATIONS, messages: MESSAGES, longThread: Math.min(10_000, Math.floor(MESSAGES / 10)), sender: SENDER }, log);
      const me = (await (await fetch(`${app.url}/admin/users/me`, { headers: { authorization: `Bearer ${app.adminJwt}` } })).json()) as { data: { id: number } };
      const myId = Number(me.data.id);
      await client.query(`UPDATE plugin_whatsapp_conversations SET assignee_id = CASE id % 3 WHEN 0 THEN $1::int WHEN 1 THEN $2::int ELSE NULL END`, [myId, myId + 1000]);
      const longThread = (await client.query(`SELECT cv.id, cv.document_id FROM plugin_whatsapp_conversations cv
          JOIN plugin_whatsapp_messages_conversation_lnk l ON l.conversation_id = cv.id GROUP BY cv.id ORDER BY count(*) DESC LIMIT 1`)).rows[0] as { id: number; document_id: string };
      await client.query(
        `INSERT INTO plugin_whatsapp_conversation_notes (conversation_id, author_id, author_name, body, created_at)
         SELECT $1, $2, 'Bench Admin', 'note ' || g, now() AT TIME ZONE 'UTC' - (g || ' seconds')::interval FROM generate_series(1, $3) g`,
        [longThread.id, myId, NOTES]
      );
      // Every row was just rewritten: vacuumed as autovacuum would, so the plans are the steady state's.
      await client.query('VACUUM ANALYZE plugin_whatsapp_conversations, plugin_whatsapp_conversation_notes');
      log('assigned and noted; timing');

      const reads = [
        { key: 'health', label: 'GET /_health (reference)', path: '/_health' },
        { key: 'counts', label: 'counts Mine / Unassigned / All', path: '/whatsapp/inbox/conversations/counts' },
        { key: 'mine', label: 'list Mine, first page', path: `/whatsapp/inbox/conversations?assignee=mine&withCount=false&pageSize=${PAGE_SIZE}` },
        { key: 'unassigned', label: 'list Unassigned, first page', path: `/whatsapp/inbox/conversations?assignee=unassigned&withCount=false&pageSize=${PAGE_SIZE}` },
        { key: 'all', label: 'list All, first page', path: `/whatsapp/inbox/conversations?assignee=all&withCount=false&pageSize=${PAGE_SIZE}` },
        { key: 'thread', label: `thread with ${NOTES} notes, latest 100`, path: `/whatsapp/inbox/conversations/${longThread.document_id}/messages?limit=100` },
      ];
      const timeOne = async (read: (typeof reads)[number]) => {
        const t0 = performance.now();
        const response = await fetch(`${app.url}${read.path}`, { headers: read.key === 'health' ? {} : { authorization: `Bearer ${app.adminJwt}` } });
        const text = await response.text();
        if (!response.ok) throw new Error(`${read.label}: ${response.status} ${text.slice(0, 300)}`);
        return performance.now() - t0;
      };
      const samples = new Map<string, number[]>(reads.map((read) => [read.key, []]));
      for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round += 1) {
        for (const read of [...reads].sort(() => Math.random() - 0.5)) {
          const ms = await timeOne(read);
          if (round >= WARMUP_ROUNDS) samples.get(read.key)!.push(ms);
        }
      }
      const stats = (key: string) => {
        const sorted = [...samples.get(key)!].sort((a, b) => a - b);
        return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
      };
      const health = stats('health');

      // The plans: each filter and count must be answered from an index, not a scan of the table.
      const order = `COALESCE(last_message_at, '-infinity'::timestamp)`;
      const plans: Record<string, string> = {};
      const explain = async (name: string, sql: string, params: unknown[]) => {
        plans[name] = ((await client.query(`EXPLAIN ${sql}`, params)).rows as Array<{ 'QUERY PLAN': string }>).map((row) => row['QUERY PLAN']).join('\n');
      };
      await explain('mine', `SELECT id FROM plugin_whatsapp_conversations WHERE assignee_id = $1 ORDER BY ${order} DESC, id DESC LIMIT 51`, [myId]);
      await explain('unassigned', `SELECT id FROM plugin_whatsapp_conversations WHERE assignee_id IS NULL ORDER BY ${order} DESC, id DESC LIMIT 51`, []);
      await explain('countMine', 'SELECT count(*) FROM plugin_whatsapp_conversations WHERE assignee_id = $1', [myId]);
      await explain('countUnassigned', 'SELECT count(*) FROM plugin_whatsapp_conversations WHERE assignee_id IS NULL', []);
      await explain('countAll', 'SELECT count(*) FROM plugin_whatsapp_conversations', []);
      const usesIndex = (plan: string) => /Index (Only )?Scan|Bitmap Index Scan/.test(plan) && !/Seq Scan/.test(plan);

      const lines = [
        '',
        `team inbox benchmark — ${CONVERSATIONS} conversations (⅓ mine, ⅓ another admin's, ⅓ unassigned), ${MESSAGES} messages, ${NOTES} notes in one thread, ${ROUNDS} rounds, ${os.cpus().length} CPUs`,
        `${'read'.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p50/health'.padStart(11)} ${'p95/health'.padStart(11)}`,
        ...reads.map((read) => {
          const s = stats(read.key);
          return `${read.label.padEnd(40)} ${fmt(s.p50, 2).padStart(8)} ${fmt(s.p95, 2).padStart(8)} ${fmt(s.p50 / health.p50).padStart(11)} ${fmt(s.p95 / health.p95).padStart(11)}`;
        }),
        '',
        ...Object.entries(plans).map(([name, plan]) => `${name}: ${usesIndex(plan) ? 'index' : 'NOT AN INDEX'}\n${plan}\n`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      writeResults('team-inbox', { conversations: CONVERSATIONS, messages: MESSAGES, notes: NOTES, rounds: ROUNDS, health, reads: reads.map((read) => ({ ...read, ...stats(read.key) })), plans });
    } finally {
      await client.end();
    }
  } finally {
    await world.stop();
  }
};

runBench(main);
