/**
 * Webhook ingest benchmark (`npm run bench:webhook`). In one run, against one app on loopback:
 * the app's own GET /_health, signed inbound webhooks (unique MessageSids, half from new numbers,
 * half from existing candidates) and signed status callbacks, all at the same concurrency; then
 * it counts what was stored against what was answered 2xx.
 *
 * The three are measured in interleaved rounds (health, inbound, status, health, …) so that
 * whatever else the machine is doing weighs on all of them alike: the ratio compares like
 * with like even on a shared machine.
 *
 * Options (environment): BENCH_CONCURRENCY (16), BENCH_DURATION_MS per kind of request (12000),
 * BENCH_ROUNDS (4), BENCH_MAX_REQUESTS per kind (40000).
 */
import crypto from 'node:crypto';
import { Client } from 'pg';
import { startBenchApp, type BenchApp } from './app';
import { runLoad, summarize, type LoadRequest, type LoadResult, type LoadSlice } from './load';
import { INBOUND_PATH, inboundParams, newSid, phoneFor, signedPost, STATUS_PATH, statusParams } from './payloads';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 12_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 40_000);
const EXISTING_CANDIDATES = 500;
const STATUSES = ['sent', 'delivered', 'read'] as const;
const TARGET = { ratio: 0.35, p99Ms: 50 };

const run = crypto.randomInt(10, 100);
const fmt = (value: number, digits = 1) => value.toFixed(digits);

const withDb = async <T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const count = async (client: Client, sql: string, params: unknown[]) => Number((await client.query(sql, params)).rows[0].n);

/** Outbound messages waiting for their callbacks, as the send leaves them (one SQL statement). */
const seedOutbound = (app: BenchApp, total: number) =>
  withDb(app.databaseUrl, async (client) => {
    const sids = Array.from({ length: total }, () => newSid());
    const documentIds = Array.from({ length: total }, () => `bench${crypto.randomBytes(9).toString('hex')}`);
    await client.query(
      `INSERT INTO plugin_whatsapp_messages (document_id, direction, "to", body, status, twilio_sid, send_attempts, created_at, updated_at, published_at)
       SELECT d, 'outbound', '+919800000000', 'Your interview is on Monday', 'queued', s, 1, now(), now(), now()
       FROM unnest($1::text[], $2::text[]) AS t(d, s)`,
      [documentIds, sids]
    );
    return sids.map((sid, index) => ({ sid, documentId: documentIds[index] as string }));
  });

const line = (label: string, result: LoadResult) =>
  `${label.padEnd(18)} ${fmt(result.rps, 0).padStart(7)} req/s   p50 ${fmt(result.p50Ms, 2).padStart(6)} ms   p99 ${fmt(result.p99Ms, 2).padStart(6)} ms   max ${fmt(result.maxMs, 1).padStart(6)} ms   ${String(result.requests).padStart(6)} requests   non-2xx ${result.non2xx}`;

const main = async () => {
  process.stdout.write(
    `[bench] building and starting the app (concurrency ${CONCURRENCY}, ${DURATION_MS} ms per kind of request in ${ROUNDS} rounds)\n`
  );
  const app = await startBenchApp();
  try {
    const load = (next: (index: number) => LoadRequest, options: { durationMs: number; maxRequests: number; startIndex?: number }) =>
      runLoad({ baseUrl: app.url, concurrency: CONCURRENCY, next, ...options });
    const inbound = (from: string, sid: string, index: number) =>
      signedPost(app.publicUrl, app.authToken, INBOUND_PATH, inboundParams(app.accountSid, app.sender, from, sid, index));
    const status = (target: { sid: string; documentId: string }, value: string) =>
      signedPost(app.publicUrl, app.authToken, `${STATUS_PATH}?messageId=${target.documentId}`, statusParams(app.accountSid, app.sender, target.sid, value));
    const health: LoadRequest = { method: 'GET', path: '/_health' };

    // Warm-up (not measured): JIT, connection pools, and the candidates that will be "existing".
    await load(() => health, { durationMs: 2_000, maxRequests: MAX_REQUESTS });
    const existing = Array.from({ length: EXISTING_CANDIDATES }, (_, index) => phoneFor(run, index));
    const seeded = await load((index) => inbound(existing[index] as string, newSid(), index), { durationMs: 60_000, maxRequests: EXISTING_CANDIDATES });
    if (seeded.succeeded.length !== EXISTING_CANDIDATES) throw new Error(`warm-up webhooks failed: ${JSON.stringify(seeded.statuses)}`);
    const warmTargets = await seedOutbound(app, 500);
    await load((index) => status(warmTargets[index % 500]!, STATUSES[Math.floor(index / 500)]!), { durationMs: 60_000, maxRequests: 1_500 });

    // Requests are built and signed beforehand, as autocannon does, so the client's own work
    // weighs as little as possible on a machine it shares with the app and the database.
    // Inbound: unique MessageSids; even indexes from new numbers, odd from existing candidates.
    const inboundSids = Array.from({ length: MAX_REQUESTS }, () => newSid());
    const inboundFrom = (index: number) =>
      index % 2 === 0 ? phoneFor(run, EXISTING_CANDIDATES + index) : (existing[index % EXISTING_CANDIDATES] as string);
    const inboundRequests = inboundSids.map((sid, index) => inbound(inboundFrom(index), sid, index));
    // Status: sent, delivered, read for each message, every (MessageSid, status) new, in that order.
    const perStatus = Math.ceil(MAX_REQUESTS / STATUSES.length);
    const targets = await seedOutbound(app, perStatus);
    const statusOf = (index: number) => ({ target: targets[index % perStatus]!, value: STATUSES[Math.floor(index / perStatus)]! });
    const statusRequests = Array.from({ length: MAX_REQUESTS }, (_, index) => status(statusOf(index).target, statusOf(index).value));

    const slices: Record<'health' | 'inbound' | 'status', LoadSlice[]> = { health: [], inbound: [], status: [] };
    const sliceMs = DURATION_MS / ROUNDS;
    const sliceMax = Math.floor(MAX_REQUESTS / ROUNDS);
    const nextIndex = (kind: keyof typeof slices) => slices[kind].at(-1)?.nextIndex ?? 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      slices.health.push(await load(() => health, { durationMs: sliceMs, maxRequests: sliceMax }));
      slices.inbound.push(
        await load((index) => inboundRequests[index] as LoadRequest, { durationMs: sliceMs, maxRequests: sliceMax, startIndex: nextIndex('inbound') })
      );
      slices.status.push(
        await load((index) => statusRequests[index] as LoadRequest, { durationMs: sliceMs, maxRequests: sliceMax, startIndex: nextIndex('status') })
      );
    }
    const healthResult = summarize(slices.health);
    const inboundResult = summarize(slices.inbound);
    const statusResult = summarize(slices.status);

    // What was stored, against what was answered 2xx.
    const acceptedSids = inboundResult.succeeded.map((index) => inboundSids[index] as string);
    const newPhones = [...new Set(inboundResult.succeeded.filter((index) => index % 2 === 0).map(inboundFrom))];
    const acceptedEvents = statusResult.succeeded.map(statusOf);
    const stored = await withDb(app.databaseUrl, async (client) => ({
      messages: await count(client, 'SELECT count(*) AS n FROM plugin_whatsapp_messages WHERE twilio_sid = ANY($1)', [acceptedSids]),
      candidates: await count(client, 'SELECT count(*) AS n FROM plugin_whatsapp_candidates WHERE phone = ANY($1)', [newPhones]),
      events: await count(
        client,
        `SELECT count(*) AS n FROM plugin_whatsapp_status_events e
           JOIN unnest($1::text[], $2::text[]) AS t(sid, status) ON e.message_sid = t.sid AND e.status = t.status
          WHERE e.applied_at IS NOT NULL`,
        [acceptedEvents.map((event) => event.target.sid), acceptedEvents.map((event) => event.value)]
      ),
      appended: await count(
        client,
        'SELECT coalesce(sum(jsonb_array_length(events)), 0) AS n FROM plugin_whatsapp_messages WHERE twilio_sid = ANY($1)',
        [targets.map((target) => target.sid)]
      ),
    }));

    const inboundLost = acceptedSids.length - stored.messages;
    const statusLost = Math.max(acceptedEvents.length - stored.events, acceptedEvents.length - stored.appended);
    const ratio = inboundResult.rps / healthResult.rps;
    const statusRatio = statusResult.rps / healthResult.rps;

    const verdicts = [
      [`ratio ≥ ${TARGET.ratio}`, ratio >= TARGET.ratio],
      [`p99 ≤ ${TARGET.p99Ms} ms`, inboundResult.p99Ms <= TARGET.p99Ms],
      ['nothing lost', inboundLost === 0 && statusLost === 0],
      ['all 2xx', inboundResult.non2xx === 0 && statusResult.non2xx === 0],
    ] as const;
    process.stdout.write(
      [
        '',
        `webhook ingest benchmark — concurrency ${CONCURRENCY}, loopback, ${DURATION_MS} ms per kind of request in ${ROUNDS} interleaved rounds`,
        line('GET /_health', healthResult),
        line('inbound webhook', inboundResult),
        line('status callback', statusResult),
        '',
        `webhook/health ratio      ${fmt(ratio, 2)}   (target ≥ ${TARGET.ratio})`,
        `status/health ratio       ${fmt(statusRatio, 2)}`,
        `webhook req/s             ${fmt(inboundResult.rps, 0)}`,
        `webhook p99 latency       ${fmt(inboundResult.p99Ms, 2)} ms   (target ≤ ${TARGET.p99Ms} ms)`,
        `status p99 latency        ${fmt(statusResult.p99Ms, 2)} ms`,
        `non-2xx                   inbound ${inboundResult.non2xx}, status ${statusResult.non2xx}, health ${healthResult.non2xx}`,
        `lost                      inbound ${inboundLost} (stored ${stored.messages} of ${acceptedSids.length} answered 2xx; ${stored.candidates} of ${newPhones.length} new candidates), status ${statusLost} (applied ${stored.events} and appended ${stored.appended} of ${acceptedEvents.length})`,
        '',
        `targets: ${verdicts.map(([label, ok]) => `${label} ${ok ? 'OK' : 'MISSED'}`).join(', ')}`,
        '',
      ].join('\n')
    );
    // Correctness failures fail the run; speed depends on the machine and is reported above.
    if (inboundLost !== 0 || statusLost !== 0 || inboundResult.non2xx !== 0 || statusResult.non2xx !== 0) process.exitCode = 1;
  } finally {
    await app.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
