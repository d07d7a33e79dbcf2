/**
 * CPU time used by the processes of a benchmark run (Linux /proc), so a figure can say how much
 * work each part did per message whatever else the machine was doing at the time.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from 'pg';

let ticksPerSecond: number | undefined;
const clockTicks = () => {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
};

type ProcStat = { ppid: number; ownMs: number; reapedChildrenMs: number };

/** utime + stime (all threads) and cutime + cstime (children it has waited for) of one process. */
const readStat = (pid: number): ProcStat | null => {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ms = (index: number) => (Number(fields[index]) * 1000) / clockTicks();
    return { ppid: Number(fields[1]), ownMs: ms(11) + ms(12), reapedChildrenMs: ms(13) + ms(14) };
  } catch {
    return null;
  }
};

/** CPU ms a process has used so far (0 once it is gone). */
export const processCpuMs = (pid: number | undefined): number => (pid ? (readStat(pid)?.ownMs ?? 0) : 0);

/**
 * CPU ms the PostgreSQL server behind `client` has used so far: the postmaster, its live
 * processes (backends, WAL writer, autovacuum…) and those that already exited.
 */
export const postgresCpuMs = async (client: Client): Promise<number> => {
  const dataDirectory = String((await client.query(`SELECT current_setting('data_directory') AS dir`)).rows[0].dir);
  const postmaster = Number(fs.readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const main = readStat(postmaster);
  if (!main) return 0;
  let total = main.ownMs + main.reapedChildrenMs;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.ppid === postmaster) total += stat.ownMs;
  }
  return total;
};
