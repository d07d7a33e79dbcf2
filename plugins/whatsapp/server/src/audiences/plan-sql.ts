import { TABLE } from '../constants';
import { extractPlaceholders } from '../domain/placeholders';
import type { VariableMapping } from '../domain/variable-mapping';
import type { Audience } from './audience';
import { audienceCondition } from './audience-sql';
import type { SqlFragment } from './filters-sql';

/**
 * Who of an audience is sent to and who is skipped (and why), with each one's placeholder values,
 * as one SELECT: the launch inserts it whole (INSERT … SELECT) and the preview counts it, so
 * neither loads the audience into Node. Same rules, in the same order, as planRecipient
 * (domain/campaign-recipient.ts): opted out, then a number another candidate of the audience
 * already has (the same digits written another way: the E.164 one is kept, so an opt-out of
 * either keeps the number out), then a number that cannot be a WhatsApp address, then an empty
 * placeholder.
 *
 * Columns: candidate_id, document_id, name, phone, skip_reason (null: sent), skip_detail,
 * variables (jsonb of the placeholders that have a value; complete when sent).
 */

const E164 = '^\\+[1-9][0-9]{6,14}$';
/** WhatsApp refuses an empty or blank parameter. */
const BLANK = '^\\s*$';
const FIELD_COLUMN = { name: 'c.name', phone: 'c.phone', email: 'c.email' } as const;

export const SKIP_DETAIL = {
  opted_out: 'The candidate has opted out of WhatsApp messages (sent STOP).',
  invalid_phone: 'The candidate has no valid phone number.',
  duplicate_phone: 'Another candidate of this audience has the same number: it is sent to once.',
} as const;

const usableText = (value: string) => (value.trim() === '' ? null : value);

/** The raw value of placeholder `n` for candidate `c` (text, or NULL when it has none). */
const rawValue = (mapping: VariableMapping | null | undefined, n: number): SqlFragment => {
  const source = mapping?.[String(n)];
  if (!source) return { sql: 'CAST(NULL AS text)', bindings: [] };
  switch (source.source) {
    case 'text':
      return { sql: 'CAST(? AS text)', bindings: [usableText(source.value)] };
    case 'field':
      return { sql: `${FIELD_COLUMN[source.field]}::text`, bindings: [] };
    case 'attribute':
      // Numbers and booleans read as their text; objects and arrays are no value.
      return {
        sql: `(CASE WHEN jsonb_typeof(c.attributes -> CAST(? AS text)) IN ('string', 'number', 'boolean') THEN c.attributes ->> CAST(? AS text) END)`,
        bindings: [source.key, source.key],
      };
  }
};

export const recipientPlanSql = (audience: Audience, body: string, mapping: VariableMapping | null | undefined): SqlFragment => {
  const placeholders = extractPlaceholders(body);
  const where = audienceCondition(audience);
  const raws = placeholders.map((n) => rawValue(mapping, n));
  const rawColumns = raws.map((raw, index) => `, ${raw.sql} AS r${placeholders[index]}`).join('');
  const valueColumns = placeholders.map((n) => `, CASE WHEN a.r${n} ~ '${BLANK}' THEN NULL ELSE a.r${n} END AS v${n}`).join('');
  const anyMissing = placeholders.length > 0 ? placeholders.map((n) => `p.v${n} IS NULL`).join(' OR ') : 'FALSE';
  const missingList = placeholders.length > 0 ? `concat_ws(', '${placeholders.map((n) => `, CASE WHEN p.v${n} IS NULL THEN '{{${n}}}' END`).join('')})` : `''`;
  const variables = `jsonb_strip_nulls(jsonb_build_object(${placeholders.map((n) => `'${n}', p.v${n}`).join(', ')}))`;

  const sql = `
    SELECT q.candidate_id, q.document_id, q.name, q.phone, q.skip_reason, q.variables,
           CASE q.skip_reason
             WHEN 'opted_out' THEN CAST(? AS text)
             WHEN 'invalid_phone' THEN CAST(? AS text)
             WHEN 'duplicate_phone' THEN CAST(? AS text)
             WHEN 'missing_variable' THEN 'No value for ' || q.missing || ' for this candidate.'
           END AS skip_detail
      FROM (
        SELECT p.id AS candidate_id, p.document_id, p.name, p.phone,
               CASE WHEN p.opt_in = 'opted_out' THEN 'opted_out'
                    WHEN p.phone_rank > 1 THEN 'duplicate_phone'
                    WHEN p.phone IS NULL OR p.phone !~ '${E164}' THEN 'invalid_phone'
                    WHEN ${anyMissing} THEN 'missing_variable'
               END AS skip_reason,
               ${missingList} AS missing,
               ${variables} AS variables
          FROM (
            SELECT a.id, a.document_id, a.name, a.phone, a.opt_in${valueColumns},
                   row_number() OVER (PARTITION BY regexp_replace(a.phone, '[^0-9]', '', 'g')
                                      ORDER BY (a.phone ~ '${E164}') DESC, a.id) AS phone_rank
              FROM (
                SELECT c.id, c.document_id, c.name, c.phone, c.opt_in${rawColumns}
                  FROM ${TABLE.candidate} c
                 WHERE ${where.sql}
              ) a
          ) p
      ) q`;
  return {
    sql,
    bindings: [SKIP_DETAIL.opted_out, SKIP_DETAIL.invalid_phone, SKIP_DETAIL.duplicate_phone, ...raws.flatMap((raw) => raw.bindings), ...where.bindings],
  };
};
