/**
 * Export benchmark (`npm run bench:export`). One app (`strapi start`) on a throw-away PostgreSQL
 * with a campaign of BENCH_RECIPIENTS recipients written by SQL (tests/integration/exports/seed.ts:
 * every outcome, error codes, replies), then BENCH_ROUNDS downloads of
 * `GET /api/whatsapp/exports/campaign-recipients` read as a stream, each timed and counted, while
 * the app's RSS is sampled every 10 ms. The app's own GET /_health is measured in the same run
 * (before and between the exports) as the reference. Also one export of the campaign's messages
 * and the campaign's timeline (five reads).
 *
 * Targets: ≥ 20,000 rows/s and peak RSS growth < 150 MB. Results in bench/results/ as JSON.
 * Options: BENCH_RECIPIENTS (100000), BENCH_ROUNDS (3), BENCH_HEALTH_ROUNDS (200).
 */
import fs from 'node:fs';
import os from 'node:os';
import { Client } from 'pg';
import { fmt, log, median, processRssKb, runBench, writeResults } from '../shared/report';
import { createBenchWorld } from '../campaign/app';
import { seedCampaignRecipients } from '../../tests/integration/exports/seed';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const HEALTH_ROUNDS = Number(process.env.BENCH_HEALTH_ROUNDS ?? 200);
const TARGET = { rowsPerSecond: 20_000, rssGrowthMb: 150 };


/** Resident memory (MB) of a process and its descendants, from /proc. */
const rssMb = (root: number): number => {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  let kb = 0;
  const visit = (pid: number) => {
    try {
      kb += processRssKb(pid);
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return kb / 1024;
};

/** Samples RSS every 10 ms until stopped; gives the peak. */
const sampleRss = (pid: number) => {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 10);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMb(pid));
  };
};

/** Downloads a CSV as a client would, counting lines as they arrive (nothing kept). */
const download = async (url: string, token: string) => {
  const t0 = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  let lines = 0;
  let bytes = 0;
  let firstByteMs = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (bytes === 0) firstByteMs = performance.now() - t0;
    bytes += chunk.length;
    for (let index = 0; index < chunk.length; index += 1) if (chunk[index] === 10) lines += 1;
  }
  return { ms: performance.now() - t0, firstByteMs, rows: lines - 1, bytes };
};

const main = async () => {
  log(`building and starting (recipients ${RECIPIENTS})`);
  const world = await createBenchWorld();
  try {
    const app = await world.startApp(1);
    if (!app.pid) throw new Error('no app pid');
    const client = new Client({ connectionString: world.database.connectionString });
    await client.connect();
    try {
      const created = await fetch(`${app.url}/whatsapp/campaigns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminJwt}` },
        body: JSON.stringify({ data: { name: 'Bench export' } }),
      });
      const campaign = ((await created.json()) as { data: { documentId: string } }).data.documentId;
      const t0 = performance.now();
      const seeded = await seedCampaignRecipients(client, { campaignDocumentId: campaign, count: RECIPIENTS, key: 'bench', phonePrefix: '+9181' });
      for (const table of ['plugin_whatsapp_candidates', 'plugin_whatsapp_messages', 'plugin_whatsapp_campaign_recipients', 'plugin_whatsapp_messages_candidate_lnk', 'plugin_whatsapp_messages_campaign_lnk']) {
        await client.query(`VACUUM (ANALYZE) ${table}`);
      }
      log(`seeded ${seeded.count} recipients, ${seeded.messages} messages, ${seeded.replies} replies in ${fmt((performance.now() - t0) / 1000)} s`);

      const health = async (count: number) => {
        const samples: number[] = [];
        for (let index = 0; index < count; index += 1) {
          const h0 = performance.now();
          const response = await fetch(`${app.url}/_health`);
          await response.arrayBuffer();
          samples.push(performance.now() - h0);
        }
        return samples;
      };
      await health(50);
      const healthSamples = await health(HEALTH_ROUNDS);

      const exportUrl = `${app.url}/api/whatsapp/exports/campaign-recipients?campaign=${campaign}`;
      // The route's code path once, without rows (no recipient is canceled): what follows is the rows' cost.
      const empty = await download(`${exportUrl}&status=canceled`, app.token);
      if (empty.rows !== 0) throw new Error(`the canceled filter gave ${empty.rows} rows`);
      // The first export of all the rows (cold: plans, caches, the heap growing) is reported apart from the timed rounds.
      const rssAtStartMb = rssMb(app.pid);
      const stopCold = sampleRss(app.pid);
      const cold = await download(exportUrl, app.token);
      const coldPeakMb = stopCold();
      log(`cold export: ${cold.rows} rows in ${fmt(cold.ms, 0)} ms, RSS ${fmt(rssAtStartMb, 0)} → peak ${fmt(coldPeakMb, 0)} MB`);
      const rounds: Array<{ ms: number; firstByteMs: number; rows: number; bytes: number; rowsPerSecond: number; rssBeforeMb: number; rssPeakMb: number; rssGrowthMb: number }> = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const rssBeforeMb = rssMb(app.pid);
        const stop = sampleRss(app.pid);
        const result = await download(exportUrl, app.token);
        const rssPeakMb = stop();
        if (result.rows !== RECIPIENTS) throw new Error(`export gave ${result.rows} rows, expected ${RECIPIENTS}`);
        const entry = { ...result, rowsPerSecond: (result.rows / result.ms) * 1000, rssBeforeMb, rssPeakMb, rssGrowthMb: rssPeakMb - rssBeforeMb };
        rounds.push(entry);
        log(`export ${round + 1}: ${result.rows} rows, ${fmt(result.bytes / 1e6)} MB in ${fmt(result.ms, 0)} ms (first byte ${fmt(result.firstByteMs, 0)} ms), ${fmt(entry.rowsPerSecond, 0)} rows/s, RSS ${fmt(rssBeforeMb, 0)} → peak ${fmt(rssPeakMb, 0)} MB`);
        healthSamples.push(...(await health(20)));
      }
      const messagesBefore = rssMb(app.pid);
      const stopMessages = sampleRss(app.pid);
      const messages = await download(`${app.url}/api/whatsapp/exports/messages?campaign=${campaign}`, app.token);
      const messagesPeak = stopMessages();
      log(`messages export of the campaign: ${messages.rows} rows in ${fmt(messages.ms, 0)} ms, RSS growth ${fmt(messagesPeak - messagesBefore, 0)} MB`);

      // The campaign page's timeline of the same campaign (counted in SQL): median of 5.
      const timelineMs: number[] = [];
      for (let index = 0; index < 5; index += 1) {
        const t1 = performance.now();
        const response = await fetch(`${app.url}/whatsapp/campaigns/${campaign}/timeline`, { headers: { authorization: `Bearer ${app.adminJwt}` } });
        const body = (await response.json()) as { data: { totals: Record<string, number> } };
        timelineMs.push(performance.now() - t1);
        if (body.data.totals.sent !== (RECIPIENTS / 10) * 5) throw new Error(`timeline counted ${JSON.stringify(body.data.totals)}`);
      }
      const healthP50 = median(healthSamples);
      const exportMs = median(rounds.map((round) => round.ms));
      const rowsPerSecond = median(rounds.map((round) => round.rowsPerSecond));
      const worstGrowth = Math.max(...rounds.map((round) => round.rssGrowthMb));
      const overallPeak = Math.max(coldPeakMb, ...rounds.map((round) => round.rssPeakMb));
      const lines = [
        '',
        `export benchmark — ${RECIPIENTS} recipients, ${ROUNDS} rounds, ${os.cpus().length} CPUs`,
        `GET /_health p50: ${fmt(healthP50, 2)} ms (${healthSamples.length} requests)`,
        `recipients export, median: ${fmt(exportMs, 0)} ms = ${fmt(exportMs / healthP50, 0)} × /_health; ${fmt(rowsPerSecond, 0)} rows/s; per 1,000 rows ${fmt((exportMs / RECIPIENTS) * 1000, 1)} ms = ${fmt(((exportMs / RECIPIENTS) * 1000) / healthP50, 1)} × /_health  ${rowsPerSecond >= TARGET.rowsPerSecond ? 'OK' : 'MISSED'} (target ≥ ${TARGET.rowsPerSecond} rows/s)`,
        `peak RSS growth during an export, worst of ${ROUNDS}: ${fmt(worstGrowth, 0)} MB  ${worstGrowth < TARGET.rssGrowthMb ? 'OK' : 'MISSED'} (target < ${TARGET.rssGrowthMb} MB)`,
        `cold first export: ${fmt(cold.ms, 0)} ms, RSS growth ${fmt(coldPeakMb - rssAtStartMb, 0)} MB; from before it to the highest peak of all ${ROUNDS + 1} exports: ${fmt(overallPeak - rssAtStartMb, 0)} MB  ${overallPeak - rssAtStartMb < TARGET.rssGrowthMb ? 'OK' : 'MISSED'}`,
        `timeline of the campaign (GET /whatsapp/campaigns/:id/timeline), median of 5: ${fmt(median(timelineMs), 0)} ms = ${fmt(median(timelineMs) / healthP50, 0)} × /_health`,
        `messages export of the campaign: ${messages.rows} rows in ${fmt(messages.ms, 0)} ms (${fmt((messages.rows / messages.ms) * 1000, 0)} rows/s), RSS growth ${fmt(messagesPeak - messagesBefore, 0)} MB`,
        '',
      ];
      process.stdout.write(lines.join('\n'));
      writeResults('export', { recipients: RECIPIENTS, targets: TARGET, health: { p50: healthP50, samples: healthSamples.length }, cold: { ...cold, rssBeforeMb: rssAtStartMb, rssPeakMb: coldPeakMb }, rounds, timelineMs, messages: { ...messages, rssGrowthMb: messagesPeak - messagesBefore } });
    } finally {
      await client.end();
    }
  } finally {
    await world.stop();
  }
};

runBench(main);
