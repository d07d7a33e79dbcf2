import type { Core } from '@strapi/strapi';
import { TABLE } from '../database/strapi-tables';
import { queryRunner } from '../database/query-runner';

/**
 * The figures the go-live checks read from the database. SQL because each is one aggregate over
 * recent rows (an index range on created_at), which the Document Service would load row by row.
 */

/** Sends younger than this may still be waiting for their first callback; they are not judged. */
export const CALLBACK_GRACE_SECONDS = 60;
/** How far back "recent" reaches, and how many sends at most are judged. */
export const RECENT_HOURS = 24;
export const RECENT_SENDS_LIMIT = 200;
export const SANDBOX_WINDOW_DAYS = 7;

export type CallbackFigures = { lastCallbackAt: string | null; recentSends: number; withoutCallback: number };

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

export const readCallbackFigures = async (strapi: Core.Strapi): Promise<CallbackFigures> => {
  const db = await queryRunner(strapi);
  const last = await db.raw(`SELECT max(received_at) AS at FROM ${TABLE.statusEvent} WHERE source = 'callback'`);
  const recent = await db.raw(
    `WITH recent AS (
       SELECT twilio_sid FROM ${TABLE.message}
        WHERE direction = 'outbound' AND twilio_sid IS NOT NULL
          AND created_at > now() - make_interval(hours => ?) AND created_at < now() - make_interval(secs => ?)
        ORDER BY created_at DESC LIMIT ?)
     SELECT count(*)::int AS total,
            count(*) FILTER (WHERE NOT EXISTS (
              SELECT 1 FROM ${TABLE.statusEvent} e WHERE e.message_sid = recent.twilio_sid AND e.source = 'callback'))::int AS without
       FROM recent`,
    [RECENT_HOURS, CALLBACK_GRACE_SECONDS, RECENT_SENDS_LIMIT]
  );
  const row = recent.rows[0] as { total: number; without: number };
  return { lastCallbackAt: iso((last.rows[0] as { at: unknown }).at), recentSends: row.total, withoutCallback: row.without };
};

export type TemplateFigures = { counts: Record<string, number>; lastSyncedAt: string | null };

export const readTemplateFigures = async (strapi: Core.Strapi): Promise<TemplateFigures> => {
  const db = await queryRunner(strapi);
  const result = await db.raw(
    `SELECT approval_status AS status, count(*)::int AS count, max(last_synced_at) AS synced
       FROM ${TABLE.template} GROUP BY approval_status`
  );
  const rows = result.rows as Array<{ status: string | null; count: number; synced: unknown }>;
  const counts: Record<string, number> = {};
  let lastSyncedAt: string | null = null;
  for (const row of rows) {
    counts[row.status ?? 'draft'] = (counts[row.status ?? 'draft'] ?? 0) + row.count;
    const synced = iso(row.synced);
    if (synced && (!lastSyncedAt || synced > lastSyncedAt)) lastSyncedAt = synced;
  }
  return { counts, lastSyncedAt };
};

export type SandboxFigures = { failures: number; recipients: number; lastFailureAt: string | null };

/** Recent sends that failed with 63015: the recipient never joined the sandbox, or left it. */
export const readSandboxFigures = async (strapi: Core.Strapi): Promise<SandboxFigures> => {
  const db = await queryRunner(strapi);
  const result = await db.raw(
    `SELECT count(*)::int AS failures, count(DISTINCT "to")::int AS recipients, max(created_at) AS last
       FROM ${TABLE.message}
      WHERE direction = 'outbound' AND error_code = 63015 AND created_at > now() - make_interval(days => ?)`,
    [SANDBOX_WINDOW_DAYS]
  );
  const row = result.rows[0] as { failures: number; recipients: number; last: unknown };
  return { failures: row.failures, recipients: row.recipients, lastFailureAt: iso(row.last) };
};
