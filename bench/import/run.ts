/**
 * Candidate import benchmark (`npm run bench:import`). One app (`strapi start`) on a throw-away
 * PostgreSQL; a generated CSV of BENCH_IMPORT_ROWS rows (name, number, e-mail, tags "a;b", two
 * attribute columns) goes through the admin flow the Candidates page uses:
 *
 * - upload (multipart, streamed into the chunk table), dry run, import (every row created);
 * - the same file again with one more tag per row (every row updated).
 *
 * Each run is timed from its request to the import record's `finishedAt` (polled as the page
 * polls it: the import every second, the recent imports every 2 s), and reported in rows/s and as
 * a ratio to the app's own GET /_health (median of BENCH_HEALTH_ROUNDS, measured in the same
 * run). The app's resident memory (VmRSS of its process) is sampled every 50 ms: the peak's
 * growth over the app after a small first import (BENCH_IMPORT_WARMUP_ROWS, 2,000: it loads the
 * import's code and queue once per app, whatever the file), and over the idle app before any import.
 *
 * Targets: ≥ 5,000 rows/s for the import, peak RSS growth < 150 MB. Results in bench/results/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBenchWorld } from '../campaign/app';
import { fmt, log, median, processRssKb, runBench, writeResults } from '../shared/report';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const HEALTH_ROUNDS = Number(process.env.BENCH_HEALTH_ROUNDS ?? 200);
/** Rows of the small import that runs first (0: none). */
const WARMUP_ROWS = Number(process.env.BENCH_IMPORT_WARMUP_ROWS ?? 2_000);
const TARGET = { rowsPerSecond: 5_000, rssGrowthMb: 150 };
/** How often the Candidates page asks for a running import (admin/src/api/candidate-import.ts). */
const PAGE_POLL_MS = 1000;


/** The generated file: numbers +91 <prefix>xxxxxxxxx (valid Indian mobiles), one per row. */
const writeCsv = (file: string, rows: number, prefix: string, extraTag: string | null) => {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Name,Phone,Email,Tags,City,Batch\n');
  let lines: string[] = [];
  for (let index = 0; index < rows; index += 1) {
    const tags = extraTag ? `cohort-${index % 7};bench;${extraTag}` : `cohort-${index % 7};bench`;
    lines.push(`Candidate ${index},+91${prefix}${String(index).padStart(9, '0')},c${index}@example.com,"${tags}",City ${index % 50},${2020 + (index % 6)}`);
    if (lines.length === 5000) {
      fs.writeSync(out, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) fs.writeSync(out, `${lines.join('\n')}\n`);
  fs.closeSync(out);
  return fs.statSync(file).size;
};

type ImportView = { id: string; state: string; counts: Record<string, number>; error: string | null; finishedAt: string | null };

const main = async () => {
  log(`building and starting (rows ${ROWS})`);
  const world = await createBenchWorld();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  try {
    const app = await world.startApp(80);
    const pid = app.pid!;
    const admin = { authorization: `Bearer ${app.adminJwt}` };
    const json = async <T>(response: Response, what: string): Promise<T> => {
      const text = await response.text();
      if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 300)}`);
      return JSON.parse(text) as T;
    };
    const health = async (rounds: number) => {
      const samples: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const t0 = performance.now();
        await (await fetch(`${app.url}/_health`)).arrayBuffer();
        samples.push(performance.now() - t0);
      }
      return median(samples);
    };

    /**
     * Polls the import the way the Candidates page does while a run goes on (the import every
     * second, the recent imports every 2 s); the run's time is taken from the record's own
     * `finishedAt`, so the polling interval does not round it.
     */
    const waitFor = async (id: string): Promise<ImportView> => {
      for (let poll = 0; ; poll += 1) {
        const view = await json<ImportView>(await fetch(`${app.url}/whatsapp/candidate-imports/${id}`, { headers: admin }), 'status');
        if (view.state !== 'dry-running' && view.state !== 'importing') return view;
        if (poll % 2 === 1) await json(await fetch(`${app.url}/whatsapp/candidate-imports`, { headers: admin }), 'recent');
        await new Promise((resolve) => setTimeout(resolve, PAGE_POLL_MS));
      }
    };
    /** Milliseconds from `startedAt` (this machine's clock, as the app's) to the run's end on record. */
    const runMs = (startedAt: number, view: ImportView) => Date.parse(view.finishedAt!) - startedAt;
    let healthMs = 0;
    let peakKb = 0;
    const runs: Array<{ label: string; ms: number; rowsPerSecond: number; ratio: number; counts: Record<string, number> }> = [];
    const record = (label: string, ms: number, counts: Record<string, number>) => {
      const rowsPerSecond = (ROWS / ms) * 1000;
      runs.push({ label, ms, rowsPerSecond, ratio: ms / healthMs, counts });
      log(`${label}: ${fmt(ms, 0)} ms, ${fmt(rowsPerSecond, 0)} rows/s, ${JSON.stringify(counts)}; app RSS peak so far ${fmt(peakKb / 1024, 0)} MB, now ${fmt(processRssKb(pid) / 1024, 0)} MB`);
    };

    /** Upload, dry run and import of one generated file; checks every row had the expected outcome. */
    const importFile = async (pass: string, rows: number, prefix: string, extraTag: string | null, expected: 'created' | 'updated', timed: boolean) => {
      const file = path.join(dir, `${pass.replace(/\W+/g, '-')}.csv`);
      const bytes = writeCsv(file, rows, prefix, extraTag);
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), 'bench.csv');
      const t0 = performance.now();
      const uploaded = await json<ImportView>(await fetch(`${app.url}/whatsapp/candidate-imports`, { method: 'POST', headers: admin, body: form }), 'upload');
      const uploadMs = performance.now() - t0;
      if (timed) {
        log(`${pass}: uploaded ${fmt(bytes / 1024 / 1024, 1)} MB in ${fmt(uploadMs, 0)} ms; app RSS peak so far ${fmt(peakKb / 1024, 0)} MB, now ${fmt(processRssKb(pid) / 1024, 0)} MB`);
        runs.push({ label: `${pass}: upload (${fmt(bytes / 1024 / 1024, 1)} MB)`, ms: uploadMs, rowsPerSecond: (rows / uploadMs) * 1000, ratio: uploadMs / healthMs, counts: {} });
      }

      let startedAt = Date.now();
      await json(await fetch(`${app.url}/whatsapp/candidate-imports/${uploaded.id}/dry-run`, { method: 'POST', headers: admin }), 'dry run');
      const dry = await waitFor(uploaded.id);
      if (dry.state !== 'dry-run-done' || dry.counts[expected] !== rows) throw new Error(`dry run: ${JSON.stringify(dry)}`);
      if (timed) record(`${pass}: dry run`, runMs(startedAt, dry), dry.counts);

      startedAt = Date.now();
      await json(await fetch(`${app.url}/whatsapp/candidate-imports/${uploaded.id}/commit`, { method: 'POST', headers: admin }), 'commit');
      const done = await waitFor(uploaded.id);
      if (done.state !== 'done' || done.counts[expected] !== rows) throw new Error(`import: ${JSON.stringify(done)}`);
      if (timed) record(`${pass}: import (every row ${expected})`, runMs(startedAt, done), done.counts);
    };

    await health(50);
    healthMs = await health(HEALTH_ROUNDS);
    const coldKb = processRssKb(pid);
    // A first, small import loads and compiles the import's code and opens its queue: a cost paid
    // once per app, whatever the file. The growth is also reported over the app before it.
    peakKb = coldKb;
    const sampler = setInterval(() => {
      try {
        peakKb = Math.max(peakKb, processRssKb(pid));
      } catch {
        // the app is stopping
      }
    }, 50);
    if (WARMUP_ROWS > 0) await importFile('warm-up', WARMUP_ROWS, '7', null, 'created', false);
    const warmedKb = processRssKb(pid);
    const warmupPeakKb = peakKb;
    peakKb = warmedKb;
    log(`GET /_health median ${fmt(healthMs, 2)} ms; app RSS ${fmt(coldKb / 1024, 0)} MB idle, ${fmt(warmedKb / 1024, 0)} MB after a ${WARMUP_ROWS}-row import (peak ${fmt(warmupPeakKb / 1024, 0)} MB)`);

    await importFile('first', ROWS, '8', null, 'created', true);
    await importFile('again, one more tag', ROWS, '8', 'again', 'updated', true);
    clearInterval(sampler);
    const growthMb = (peakKb - warmedKb) / 1024;
    const coldGrowthMb = (Math.max(peakKb, warmupPeakKb) - coldKb) / 1024;
    const imports = runs.filter((run) => run.label.includes('import ('));
    const slowest = Math.min(...imports.map((run) => run.rowsPerSecond));
    const lines = [
      '',
      `candidate import benchmark — ${ROWS} rows, ${os.cpus().length} CPUs; GET /_health median ${fmt(healthMs, 2)} ms`,
      `${'run'.padEnd(44)} ${'ms'.padStart(8)} ${'rows/s'.padStart(9)} ${'ms/health'.padStart(10)}`,
      ...runs.map((run) => `${run.label.padEnd(44)} ${fmt(run.ms, 0).padStart(8)} ${fmt(run.rowsPerSecond, 0).padStart(9)} ${fmt(run.ratio, 0).padStart(10)}`),
      `import rows/s (slowest import): ${fmt(slowest, 0)} (target ≥ ${TARGET.rowsPerSecond})  ${slowest >= TARGET.rowsPerSecond ? 'OK' : 'MISSED'}`,
      `app peak RSS ${fmt(peakKb / 1024, 0)} MB: growth ${fmt(growthMb, 0)} MB over ${fmt(warmedKb / 1024, 0)} MB after the warm-up import (target < ${TARGET.rssGrowthMb} MB)  ${growthMb < TARGET.rssGrowthMb ? 'OK' : 'MISSED'}`,
      `  and ${fmt(coldGrowthMb, 0)} MB over ${fmt(coldKb / 1024, 0)} MB idle before any import (warm-up included)  ${coldGrowthMb < TARGET.rssGrowthMb ? 'OK' : 'MISSED'}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    writeResults('import', { rows: ROWS, targets: TARGET, healthMs, rss: { idleMb: coldKb / 1024, warmedMb: warmedKb / 1024, warmupRows: WARMUP_ROWS, peakMb: peakKb / 1024, growthMb, coldGrowthMb }, runs });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await world.stop();
  }
};

runBench(main);
