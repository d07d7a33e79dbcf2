import { PLAIN_TABLE } from '../constants';
import { LINK_TABLE, TABLE } from '../database/strapi-tables';
import { REPLIED_AT_SQL, STATUS_SQL } from '../campaigns/recipients-sql';
import { CANDIDATE_COLUMNS, candidateWhereSql, type SqlQuery } from '../candidates/admin/list-sql';
import type { CandidatesExportQuery, MessagesExportQuery } from './validation';

/**
 * The exports' reads: one keyset page each (never OFFSET, so the 20th page costs what the first
 * does). Each page's last row gives the next page's key; `after` null is the first page.
 */

const R = PLAIN_TABLE.campaignRecipient;
const M = TABLE.message;

/**
 * A UTC timestamp column as ISO 8601 text, made by PostgreSQL: the same text the APIs give
 * (milliseconds, truncated), without a Date object per cell to parse and format again.
 */
const iso = (column: string, alias: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${alias}`;

const DELIVERY_TIMES = ['sent_at', 'delivered_at', 'read_at', 'failed_at'].map((column) => iso(`m.${column}`, column)).join(', ');

/** A campaign's recipients in launch order, with the same status and "replied" as the recipients API. */
export const recipientsPageSql = (campaignId: number, statuses: string[] | null, after: number | null, limit: number): SqlQuery => ({
  sql: `SELECT r.id, ${STATUS_SQL} AS status, r.skip_reason, r.skip_detail, ${iso('r.dispatched_at', 'dispatched_at')},
               c.document_id AS candidate_document_id, c.name AS candidate_name, c.phone AS candidate_phone,
               m.twilio_sid, m.error_code, m.error_message, ${DELIVERY_TIMES},
               ${iso(`CASE WHEN m.id IS NOT NULL THEN ${REPLIED_AT_SQL} END`, 'replied_at')}
          FROM ${R} r
          LEFT JOIN ${M} m ON m.id = r.message_id
          LEFT JOIN ${TABLE.candidate} c ON c.id = r.candidate_id
         WHERE r.campaign_id = ? AND r.id > ?${statuses ? ` AND ${STATUS_SQL} = ANY(CAST(? AS varchar[]))` : ''}
         ORDER BY r.id
         LIMIT ?`,
  bindings: [campaignId, after ?? 0, ...(statuses ? [statuses] : []), limit],
});

/** The key of a message page: created_at as PostgreSQL's text (microseconds kept; a JS Date would drop them) and id. */
export type MessageKey = { at: string; id: number };

export type MessageFilter = Omit<MessagesExportQuery, 'campaign' | 'candidate'> & { campaignId: number | null; candidateId: number | null };

const UTC = `(CAST(? AS timestamptz) AT TIME ZONE 'UTC')`;

/** Messages in time order (created_at, id), in and out, with their candidate and campaign. */
export const messagesPageSql = (filter: MessageFilter, after: MessageKey | null, limit: number): SqlQuery => {
  const parts: string[] = [];
  const bindings: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    bindings.push(...values);
  };
  if (after) add('(m.created_at, m.id) > (CAST(? AS timestamp), ?)', after.at, after.id);
  // The columns hold UTC without a zone: the bounds are converted to it, whatever the session's zone.
  if (filter.from) add(`m.created_at >= ${UTC}`, filter.from.toISOString());
  if (filter.to) add(`m.created_at < ${UTC}`, filter.to.toISOString());
  if (filter.direction) add('m.direction = ?', filter.direction);
  if (filter.campaignId !== null) add('lk.campaign_id = ?', filter.campaignId);
  if (filter.candidateId !== null) add('lc.candidate_id = ?', filter.candidateId);
  return {
    sql: `SELECT m.id, m.created_at::text AS key_at, ${iso('m.created_at', 'created_at')}, m.document_id, m.direction, m.status, m."from", m."to", m.body,
                 m.actor_type, m.actor_name, m.twilio_sid, m.error_code, m.error_message, ${DELIVERY_TIMES},
                 c.document_id AS candidate_document_id, c.name AS candidate_name, c.phone AS candidate_phone,
                 cp.document_id AS campaign_document_id, cp.name AS campaign_name
            FROM ${M} m
            LEFT JOIN ${LINK_TABLE.messageCandidate} lc ON lc.message_id = m.id
            LEFT JOIN ${TABLE.candidate} c ON c.id = lc.candidate_id
            LEFT JOIN ${LINK_TABLE.messageCampaign} lk ON lk.message_id = m.id
            LEFT JOIN ${TABLE.campaign} cp ON cp.id = lk.campaign_id
           WHERE ${parts.length > 0 ? parts.join(' AND ') : 'TRUE'}
           ORDER BY m.created_at, m.id
           LIMIT ?`,
    bindings: [...bindings, limit],
  };
};

/** Candidates by the Candidates page's filters, in id order (creation order). */
export const candidatesPageSql = (query: CandidatesExportQuery, after: number | null, limit: number): SqlQuery => {
  const condition = candidateWhereSql(query);
  return {
    sql: `SELECT c.id, ${CANDIDATE_COLUMNS} FROM ${TABLE.candidate} c
           WHERE c.id > ? AND ${condition.sql}
           ORDER BY c.id
           LIMIT ?`,
    bindings: [after ?? 0, ...condition.bindings, limit],
  };
};

/** documentId → row id of a campaign or candidate; null when there is none. */
export const idByDocumentIdSql = (table: 'campaign' | 'candidate', documentId: string): SqlQuery => ({
  sql: `SELECT id, ${table === 'campaign' ? 'name' : 'NULL'} AS name FROM ${TABLE[table]} WHERE document_id = ? ORDER BY id LIMIT 1`,
  bindings: [documentId],
});
