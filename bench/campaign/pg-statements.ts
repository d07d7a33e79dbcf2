import type { Client } from 'pg';

/**
 * BENCH_PG_STATEMENTS=N: the N statements that took the most database time during the unpaced
 * campaign, from pg_stat_statements (loaded into the bench's embedded PostgreSQL only when asked
 * for; it costs a little on every statement). Where PostgreSQL's CPU per message goes.
 */
export const PG_STATEMENTS_TOP = Number(process.env.BENCH_PG_STATEMENTS ?? 0);

/**
 * Server settings for the bench's embedded PostgreSQL: pg_stat_statements when asked for, and
 * BENCH_PG_SETTINGS (a JSON object of settings, e.g. auto_explain's) on top. None by default.
 */
export const pgStatementsSettings = (): Record<string, string> | undefined => {
  const extra = process.env.BENCH_PG_SETTINGS ? (JSON.parse(process.env.BENCH_PG_SETTINGS) as Record<string, string>) : {};
  const settings: Record<string, string> = {
    ...(PG_STATEMENTS_TOP > 0 ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all', 'pg_stat_statements.track_planning': 'on' } : {}),
    ...extra,
  };
  return Object.keys(settings).length > 0 ? settings : undefined;
};

export const resetPgStatements = async (client: Client) => {
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await client.query('SELECT pg_stat_statements_reset()');
};

const oneLine = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The top statements, as lines: ms per message (exec + plan), calls, rows, and the statement's start. */
export const topPgStatements = async (client: Client, messages: number): Promise<string[]> => {
  const { rows } = await client.query(
    `SELECT query, calls::bigint AS calls, rows::bigint AS rows, total_exec_time + total_plan_time AS ms, total_plan_time AS plan_ms
       FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT $1`,
    [PG_STATEMENTS_TOP]
  );
  const all = await client.query(`SELECT sum(total_exec_time + total_plan_time) AS ms FROM pg_stat_statements`);
  const total = Number(all.rows[0].ms);
  return [
    `database time per message    ${(total / messages).toFixed(3)} ms in all statements; the top ${rows.length}:`,
    ...rows.map(
      (row) =>
        `  ${(Number(row.ms) / messages).toFixed(3)} ms/msg (plan ${(Number(row.plan_ms) / messages).toFixed(3)})  ${String(row.calls).padStart(6)} calls ${String(row.rows).padStart(7)} rows  ${oneLine(String(row.query))}`
    ),
  ];
};
