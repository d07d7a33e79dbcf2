/**
 * Audience benchmark (`npm run bench:audience`). One app (`strapi start`) on a throw-away
 * PostgreSQL seeded with BENCH_CANDIDATES candidates (bench/audience/seed.ts), then, each against
 * the app's own GET /_health measured in the same rounds:
 *
 * - the audience preview (`POST /whatsapp/campaigns/preview`) of a tag every candidate has:
 *   counts, skip reasons and samples over the whole table;
 * - the launch of a campaign to that audience (every recipient written by one INSERT … SELECT),
 *   BENCH_LAUNCHES times, each a new campaign, cancelled after;
 * - the Candidates list (`GET /whatsapp/candidates`): first page, a deep page, search, tag filter,
 *   a sort by name; p50 and p95.
 *
 * Targets: preview < 500 ms, launch < 2 s, list p95 ≤ 50 ms. Results in bench/results/ as JSON.
 * Options: BENCH_CANDIDATES (100000), BENCH_ROUNDS (100), BENCH_WARMUP_ROUNDS (10), BENCH_LAUNCHES (3).
 */
import os from 'node:os';
import { Client } from 'pg';
import { fmt, log, percentile, runBench, sortedCopy, writeResults } from '../shared/report';
import { createBenchWorld } from '../campaign/app';
import { AUDIENCE_TAG, expectedCounts, seedCandidates, seededName } from './seed';

const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 10);
const LAUNCHES = Number(process.env.BENCH_LAUNCHES ?? 3);
const TARGET = { previewMs: 500, launchMs: 2_000, listP95Ms: 50 };
const BODY = 'Hi {{1}}, your interview for the {{2}} role is on {{3}}.';
const MAPPING = { '1': { source: 'field', field: 'name' }, '2': { source: 'attribute', key: 'role' }, '3': { source: 'text', value: 'Friday' } };


type Request = { key: string; label: string; method: 'GET' | 'POST'; path: string; body?: unknown; auth: 'admin' | 'none'; kind: 'list' | 'preview' | 'reference' };

const main = async () => {
  log(`building and starting (candidates ${CANDIDATES})`);
  const world = await createBenchWorld();
  try {
    // A slow pace: the launches' dispatchers must not weigh on what is measured.
    const app = await world.startApp(1);
    const client = new Client({ connectionString: world.database.connectionString });
    await client.connect();
    try {
      await seedCandidates(client, CANDIDATES, log);
      const headers = (auth: Request['auth']) => ({ 'content-type': 'application/json', ...(auth === 'admin' ? { authorization: `Bearer ${app.adminJwt}` } : {}) });
      const call = async (request: Pick<Request, 'method' | 'path' | 'body' | 'auth' | 'label'>) => {
        const t0 = performance.now();
        const response = await fetch(`${app.url}${request.path}`, {
          method: request.method,
          headers: headers(request.auth),
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        });
        const text = await response.text();
        const ms = performance.now() - t0;
        if (!response.ok) throw new Error(`${request.label}: ${response.status} ${text.slice(0, 300)}`);
        return { ms, json: text ? (JSON.parse(text) as { data: unknown }) : null };
      };

      // An approved template, as a sync from Twilio would leave it.
      const created = await fetch(`${app.url}/api/whatsapp/templates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
        body: JSON.stringify({ data: { name: 'bench_interview', body: BODY, variables: { '1': 'Asha', '2': 'Analyst', '3': 'Monday' } } }),
      });
      const template = ((await created.json()) as { data: { documentId: string } }).data.documentId;
      await client.query(`UPDATE plugin_whatsapp_templates SET approval_status = 'approved', content_sid = 'HX' || md5('bench') WHERE document_id = $1`, [template]);

      const audience = { tags: { anyOf: [AUDIENCE_TAG] } };
      const expected = expectedCounts(CANDIDATES);
      const check = await call({ method: 'POST', path: '/whatsapp/campaigns/preview', body: { data: { template, variableMapping: MAPPING, audience } }, auth: 'admin', label: 'preview' });
      const counted = check.json!.data as { total: number; send: number; skippedBy: Record<string, number> };
      if (counted.total !== expected.total || counted.send !== expected.send || counted.skippedBy.opted_out !== expected.optedOut || counted.skippedBy.missing_variable !== expected.missing) {
        throw new Error(`preview counted ${JSON.stringify(counted)}, expected ${JSON.stringify(expected)}`);
      }
      log(`preview counts as seeded: ${counted.total} candidates, ${counted.send} to send, ${expected.optedOut} opted out, ${expected.missing} missing a variable`);

      const deepPage = Math.floor(CANDIDATES / 25 / 2);
      const probe = seededName(Math.floor(CANDIDATES * 0.54321));
      const requests: Request[] = [
        { key: 'health', label: 'GET /_health (reference)', method: 'GET', path: '/_health', auth: 'none', kind: 'reference' },
        { key: 'adminFloor', label: 'GET /admin/users/me (admin request floor)', method: 'GET', path: '/admin/users/me', auth: 'admin', kind: 'reference' },
        { key: 'listFirst', label: 'candidates, first page (newest)', method: 'GET', path: '/whatsapp/candidates?pageSize=25', auth: 'admin', kind: 'list' },
        { key: 'listDeep', label: `candidates, page ${deepPage} (offset ${(deepPage - 1) * 25})`, method: 'GET', path: `/whatsapp/candidates?pageSize=25&page=${deepPage}`, auth: 'admin', kind: 'list' },
        { key: 'listByName', label: 'candidates sorted by name, page 2', method: 'GET', path: '/whatsapp/candidates?pageSize=25&page=2&sort=name:asc', auth: 'admin', kind: 'list' },
        { key: 'listSearch', label: `candidates, search "${probe}"`, method: 'GET', path: `/whatsapp/candidates?pageSize=25&search=${encodeURIComponent(probe)}`, auth: 'admin', kind: 'list' },
        { key: 'listNumber', label: 'candidates, search a number (8 digits)', method: 'GET', path: '/whatsapp/candidates?pageSize=25&search=00054321', auth: 'admin', kind: 'list' },
        { key: 'listTag', label: 'candidates, tag cohort-3, opted in', method: 'GET', path: '/whatsapp/candidates?pageSize=25&tag=cohort-3&optIn=opted_in', auth: 'admin', kind: 'list' },
        { key: 'listWrote', label: 'candidates, wrote in the last 7 days, most recent', method: 'GET', path: '/whatsapp/candidates?pageSize=25&wroteWithinDays=7&sort=lastInboundAt:desc', auth: 'admin', kind: 'list' },
        { key: 'preview', label: `preview of ${CANDIDATES} candidates (tag any of)`, method: 'POST', path: '/whatsapp/campaigns/preview', body: { data: { template, variableMapping: MAPPING, audience } }, auth: 'admin', kind: 'preview' },
      ];
      const samples = new Map<string, number[]>(requests.map((request) => [request.key, []]));
      log(`warming up (${WARMUP_ROUNDS} rounds), then ${ROUNDS} timed rounds of ${requests.length} requests`);
      for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round += 1) {
        for (const request of [...requests].sort(() => Math.random() - 0.5)) {
          const { ms } = await call(request);
          if (round >= WARMUP_ROUNDS) samples.get(request.key)!.push(ms);
        }
      }

      // Launches: each a new campaign of the whole audience, timed from request to answer.
      const launches: number[] = [];
      const healthAround: number[] = [];
      for (let index = 0; index < LAUNCHES; index += 1) {
        const campaign = await call({ method: 'POST', path: '/whatsapp/campaigns', body: { data: { name: `bench launch ${index}`, template, variableMapping: MAPPING, audience } }, auth: 'admin', label: 'create' });
        const id = (campaign.json!.data as { documentId: string }).documentId;
        for (let k = 0; k < 5; k += 1) healthAround.push((await call(requests[0]!)).ms);
        const launched = await call({ method: 'POST', path: `/whatsapp/campaigns/${id}/launch`, auth: 'admin', label: 'launch' });
        const stats = (launched.json!.data as { stats: { total: number } }).stats;
        if (stats.total !== CANDIDATES) throw new Error(`launch wrote ${stats.total} recipients, expected ${CANDIDATES}`);
        launches.push(launched.ms);
        log(`launch ${index + 1}: ${CANDIDATES} recipients in ${fmt(launched.ms, 0)} ms`);
        await call({ method: 'POST', path: `/whatsapp/campaigns/${id}/cancel`, auth: 'admin', label: 'cancel' });
      }

      const health = sortedCopy(samples.get('health')!);
      const healthP50 = percentile(health, 50);
      const healthP95 = percentile(health, 95);
      const results = requests.map((request) => {
        const sorted = sortedCopy(samples.get(request.key)!);
        const p50 = percentile(sorted, 50);
        const p95 = percentile(sorted, 95);
        const ok = request.kind === 'list' ? p95 <= TARGET.listP95Ms : request.kind === 'preview' ? p95 < TARGET.previewMs : null;
        return { key: request.key, label: request.label, p50, p95, ratioP50: p50 / healthP50, ratioP95: p95 / healthP95, ok };
      });
      const launchSorted = sortedCopy(launches);
      const launchMedian = percentile(launchSorted, 50);
      const launchWorst = launchSorted[launchSorted.length - 1]!;
      const healthLaunch = percentile(sortedCopy(healthAround), 50);
      const lines = [
        '',
        `audience benchmark — ${CANDIDATES} candidates, ${ROUNDS} rounds, ${os.cpus().length} CPUs`,
        `${'request'.padEnd(56)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p50/health'.padStart(11)} ${'p95/health'.padStart(11)}`,
        ...results.map((result) =>
          `${result.label.padEnd(56)} ${fmt(result.p50, 2).padStart(8)} ${fmt(result.p95, 2).padStart(8)} ${fmt(result.ratioP50, 1).padStart(11)} ${fmt(result.ratioP95, 1).padStart(11)}  ${result.ok === null ? '' : result.ok ? 'OK' : 'MISSED'}`
        ),
        `${`launch of ${CANDIDATES} recipients (${LAUNCHES} launches)`.padEnd(56)} ${fmt(launchMedian, 0).padStart(8)} ${fmt(launchWorst, 0).padStart(8)} ${fmt(launchMedian / healthLaunch, 0).padStart(11)} ${''.padStart(11)}  ${launchWorst < TARGET.launchMs ? 'OK' : 'MISSED'}`,
        `targets: preview < ${TARGET.previewMs} ms, launch < ${TARGET.launchMs} ms, list p95 ≤ ${TARGET.listP95Ms} ms; launch columns: median and worst, ratio to /_health's median`,
        '',
      ];
      process.stdout.write(lines.join('\n'));
      writeResults('audience', { candidates: CANDIDATES, rounds: ROUNDS, targets: TARGET, health: { p50: healthP50, p95: healthP95 }, requests: results, launches: { ms: launches, healthMs: healthLaunch } });
    } finally {
      await client.end();
    }
  } finally {
    await world.stop();
  }
};

runBench(main);
