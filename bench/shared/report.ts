import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What every benchmark prints and writes: timed log lines, percentiles, a JSON file of figures in bench/results/. */
export const fmt = (value: number, digits = 1) => value.toFixed(digits);

const started = Date.now();
export const log = (text: string) => process.stdout.write(`[bench +${fmt((Date.now() - started) / 1000, 0)}s] ${text}\n`);

/** The p-th percentile of values sorted ascending (nearest rank). */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
export const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);
export const median = (values: number[]) => sortedCopy(values)[Math.floor(values.length / 2)]!;

/** A process's resident memory in kB (VmRSS, from /proc); throws when the process is gone. */
export const processRssKb = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** bench/results/<name>-<time>.json: the benchmark's name, time and CPU count, then its figures. */
export const writeResults = (name: string, figures: Record<string, unknown>) => {
  const dir = path.join(__dirname, '..', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  const file = path.join(dir, `${name}-${at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ benchmark: name, at, cpus: os.cpus().length, ...figures }, null, 2)}\n`);
  log(`results written to ${path.relative(process.cwd(), file)}`);
};

/** Runs a benchmark's main; a failure is printed and ends the process with code 1. */
export const runBench = (main: () => Promise<void>) => {
  main().catch((error: unknown) => {
    process.stderr.write(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
};
