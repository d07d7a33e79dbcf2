import { TABLE } from '../../database/strapi-tables';
import type { CandidateSortField } from '../../../../shared/candidates';
import type { CandidateListQuery } from './validation';

/**
 * The Candidates page's reads, in SQL for its search (name, number, e-mail by substring, on the
 * pg_trgm indexes), tag filter (jsonb containment on the GIN index of `tags`) and sorts (each one
 * an index in that order, schema/migrations.ts), so a page stays fast at 100,000 candidates.
 */

export type SqlQuery = { sql: string; bindings: unknown[] };

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
const NUMBER_LIKE = /^[\d\s+\-.()]*\d[\d\s+\-.()]*$/;

export const CANDIDATE_COLUMNS = `c.document_id, c.name, c.phone, c.email, c.opt_in, c.opt_in_at, c.opt_in_source, c.opt_out_at,
       c.tags, c.attributes, c.last_inbound_at, c.created_at, c.updated_at`;

/** Each sort and the ORDER BY an index serves; `id` breaks ties so pages never overlap. */
const ORDER: Record<CandidateSortField, { asc: string; desc: string }> = {
  name: { asc: 'c.name ASC, c.id ASC', desc: 'c.name DESC, c.id DESC' },
  phone: { asc: 'c.phone ASC, c.id ASC', desc: 'c.phone DESC, c.id DESC' },
  createdAt: { asc: 'c.created_at ASC, c.id ASC', desc: 'c.created_at DESC, c.id DESC' },
  // Those who never wrote come last either way.
  lastInboundAt: { asc: 'c.last_inbound_at ASC NULLS LAST, c.id ASC', desc: 'c.last_inbound_at DESC NULLS LAST, c.id DESC' },
};

/** The Candidates page's filters (search, tag, opt-in state, wrote within N days) as a condition on `c`. */
export const candidateWhereSql = (query: Pick<CandidateListQuery, 'search' | 'tag' | 'optIn' | 'wroteWithinDays'>): SqlQuery => {
  const parts: string[] = [];
  const bindings: unknown[] = [];
  if (query.search) {
    const pattern = `%${likeEscape(query.search)}%`;
    const digits = NUMBER_LIKE.test(query.search) ? `%${query.search.replace(/\D/g, '')}%` : null;
    bindings.push(pattern, pattern);
    if (digits) bindings.push(digits);
    parts.push(`(c.name ILIKE ? OR c.email ILIKE ?${digits ? ' OR c.phone LIKE ?' : ''})`);
  }
  if (query.tag) {
    parts.push('c.tags @> CAST(? AS jsonb)');
    bindings.push(JSON.stringify([query.tag]));
  }
  if (query.optIn) {
    parts.push('c.opt_in = ?');
    bindings.push(query.optIn);
  }
  if (query.wroteWithinDays) {
    parts.push(`c.last_inbound_at >= now() AT TIME ZONE 'UTC' - make_interval(days => ?)`);
    bindings.push(query.wroteWithinDays);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'TRUE', bindings };
};

export const candidatePageSql = (query: CandidateListQuery): SqlQuery => {
  const condition = candidateWhereSql(query);
  const [field, direction] = query.sort.split(':') as [CandidateSortField, 'asc' | 'desc'];
  return {
    sql: `SELECT ${CANDIDATE_COLUMNS} FROM ${TABLE.candidate} c WHERE ${condition.sql}
           ORDER BY ${ORDER[field][direction]} LIMIT ? OFFSET ?`,
    bindings: [...condition.bindings, query.pageSize, (query.page - 1) * query.pageSize],
  };
};

export const candidateCountSql = (query: CandidateListQuery): SqlQuery => {
  const condition = candidateWhereSql(query);
  return { sql: `SELECT count(*)::int AS total FROM ${TABLE.candidate} c WHERE ${condition.sql}`, bindings: condition.bindings };
};

/** Tags in use, most used first; `search` keeps those containing it. */
export const tagsInUseSql = (search: string | undefined, limit: number): SqlQuery => ({
  sql: `SELECT t.tag, count(*)::int AS n
          FROM ${TABLE.candidate} c, jsonb_array_elements_text(CASE WHEN jsonb_typeof(c.tags) = 'array' THEN c.tags ELSE '[]'::jsonb END) AS t(tag)
         WHERE (CAST(? AS text) IS NULL OR t.tag ILIKE ?)
         GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT ?`,
  bindings: [search ?? null, `%${likeEscape(search ?? '')}%`, limit],
});
