/**
 * Candidate import benchmark (`npm run bench:import`). One app (`strapi start`) on a throw-away
 * PostgreSQL; a generated CSV of BENCH_IMPORT_ROWS rows (name, number, e-mail, tags "a;b", two
 * attribute columns) goes through the admin flow the Candidates page uses:
 *
 * - upload (multipart, streamed into the chunk table), dry run, import (every row created);
 * - the same file again with one more tag per row (every row updated).
 *
 * Each run is timed from its request to the import record's final state (polled every 100 ms),
 * and reported in rows/s and as a ratio to the app's own GET /_health (median of
 * BENCH_HEALTH_ROUNDS, measured in the same run). The app's resident memory (VmRSS of its
 * process) is sampled every 50 ms: peak growth over the idle app before the first upload.
 *
 * Targets: ≥ 5,000 rows/s for the import, peak RSS growth < 150 MB. Results in bench/results/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBenchWorld } from '../campaign/app';
import { fmt, log, runBench, writeResults } from '../shared/report';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const HEALTH_ROUNDS = Number(process.env.BENCH_HEALTH_ROUNDS ?? 200);
const TARGET = { rowsPerSecond: 5_000, rssGrowthMb: 150 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The generated file: numbers +91 8xxxxxxxxx (valid Indian mobiles), one per row. */
const writeCsv = (file: string, extraTag: string | null) => {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Name,Phone,Email,Tags,City,Batch\n');
  let lines: string[] = [];
  for (let index = 0; index < ROWS; index += 1) {
    const tags = extraTag ? `cohort-${index % 7};bench;${extraTag}` : `cohort-${index % 7};bench`;
    lines.push(`Candidate ${index},+918${String(index).padStart(9, '0')},c${index}@example.com,"${tags}",City ${index % 50},${2020 + (index % 6)}`);
    if (lines.length === 5000) {
      fs.writeSync(out, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) fs.writeSync(out, `${lines.join('\n')}\n`);
  fs.closeSync(out);
  return fs.statSync(file).size;
};

const rssKb = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
};

type ImportView = { id: string; state: string; counts: Record<string, number>; error: string | null };

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

    await health(50);
    const healthMs = await health(HEALTH_ROUNDS);
    const baselineKb = rssKb(pid);
    let peakKb = baselineKb;
    const sampler = setInterval(() => {
      try {
        peakKb = Math.max(peakKb, rssKb(pid));
      } catch {
        // the app is stopping
      }
    }, 50);
    log(`GET /_health median ${fmt(healthMs, 2)} ms; app RSS ${fmt(baselineKb / 1024, 0)} MB before the first upload`);

    const waitFor = async (id: string): Promise<ImportView> => {
      for (;;) {
        const view = await json<ImportView>(await fetch(`${app.url}/whatsapp/candidate-imports/${id}`, { headers: admin }), 'status');
        if (view.state !== 'dry-running' && view.state !== 'importing') return view;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const runs: Array<{ label: string; ms: number; rowsPerSecond: number; ratio: number; counts: Record<string, number> }> = [];
    const record = (label: string, ms: number, counts: Record<string, number>) => {
      const rowsPerSecond = (ROWS / ms) * 1000;
      runs.push({ label, ms, rowsPerSecond, ratio: ms / healthMs, counts });
      log(`${label}: ${fmt(ms, 0)} ms, ${fmt(rowsPerSecond, 0)} rows/s, ${JSON.stringify(counts)}; app RSS peak so far ${fmt(peakKb / 1024, 0)} MB, now ${fmt(rssKb(pid) / 1024, 0)} MB`);
    };

    for (const [pass, extraTag, expected] of [
      ['first', null, 'created'],
      ['again, one more tag', 'again', 'updated'],
    ] as const) {
      const file = path.join(dir, `${pass.replace(/\W+/g, '-')}.csv`);
      const bytes = writeCsv(file, extraTag);
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), 'bench.csv');
      let t0 = performance.now();
      const uploaded = await json<ImportView>(await fetch(`${app.url}/whatsapp/candidate-imports`, { method: 'POST', headers: admin, body: form }), 'upload');
      const uploadMs = performance.now() - t0;
      log(`${pass}: uploaded ${fmt(bytes / 1024 / 1024, 1)} MB in ${fmt(uploadMs, 0)} ms; app RSS peak so far ${fmt(peakKb / 1024, 0)} MB, now ${fmt(rssKb(pid) / 1024, 0)} MB`);
      runs.push({ label: `${pass}: upload (${fmt(bytes / 1024 / 1024, 1)} MB)`, ms: uploadMs, rowsPerSecond: (ROWS / uploadMs) * 1000, ratio: uploadMs / healthMs, counts: {} });

      t0 = performance.now();
      await json(await fetch(`${app.url}/whatsapp/candidate-imports/${uploaded.id}/dry-run`, { method: 'POST', headers: admin }), 'dry run');
      const dry = await waitFor(uploaded.id);
      if (dry.state !== 'dry-run-done' || dry.counts[expected] !== ROWS) throw new Error(`dry run: ${JSON.stringify(dry)}`);
      record(`${pass}: dry run`, performance.now() - t0, dry.counts);

      t0 = performance.now();
      await json(await fetch(`${app.url}/whatsapp/candidate-imports/${uploaded.id}/commit`, { method: 'POST', headers: admin }), 'commit');
      const done = await waitFor(uploaded.id);
      if (done.state !== 'done' || done.counts[expected] !== ROWS) throw new Error(`import: ${JSON.stringify(done)}`);
      record(`${pass}: import (every row ${expected})`, performance.now() - t0, done.counts);
    }
    clearInterval(sampler);
    const growthMb = (peakKb - baselineKb) / 1024;
    const imports = runs.filter((run) => run.label.includes('import ('));
    const slowest = Math.min(...imports.map((run) => run.rowsPerSecond));
    const lines = [
      '',
      `candidate import benchmark — ${ROWS} rows, ${os.cpus().length} CPUs; GET /_health median ${fmt(healthMs, 2)} ms`,
      `${'run'.padEnd(44)} ${'ms'.padStart(8)} ${'rows/s'.padStart(9)} ${'ms/health'.padStart(10)}`,
      ...runs.map((run) => `${run.label.padEnd(44)} ${fmt(run.ms, 0).padStart(8)} ${fmt(run.rowsPerSecond, 0).padStart(9)} ${fmt(run.ratio, 0).padStart(10)}`),
      `import rows/s (slowest import): ${fmt(slowest, 0)} (target ≥ ${TARGET.rowsPerSecond})  ${slowest >= TARGET.rowsPerSecond ? 'OK' : 'MISSED'}`,
      `app peak RSS ${fmt(peakKb / 1024, 0)} MB, growth ${fmt(growthMb, 0)} MB over ${fmt(baselineKb / 1024, 0)} MB idle (target < ${TARGET.rssGrowthMb} MB)  ${growthMb < TARGET.rssGrowthMb ? 'OK' : 'MISSED'}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    writeResults('import', { rows: ROWS, targets: TARGET, healthMs, rss: { baselineMb: baselineKb / 1024, peakMb: peakKb / 1024, growthMb }, runs });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await world.stop();
  }
};

runBench(main);
