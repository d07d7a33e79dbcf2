import { TABLE } from '../database/strapi-tables';
import { extractPlaceholders } from '../domain/placeholders';
import type { VariableMapping } from '../../../shared/variable-mapping';
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

/**
 * `c.phone` is E.164 (`+`, no leading zero, 7 to 15 digits): written with string functions, not a
 * regular expression, as this is evaluated for every candidate of the audience (a third of the
 * preview's time at 100,000 with the regex).
 */
const IS_E164 = `(c.phone LIKE '+%' AND length(c.phone) BETWEEN 8 AND 16 AND substr(c.phone, 2, 1) <> '0'
                 AND translate(substr(c.phone, 2), '0123456789', '') = '')`;
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
  // A value with no character other than white space is no value.
  const valueColumns = placeholders.map((n) => `, CASE WHEN btrim(a.r${n}, E' \\t\\n\\r\\f\\v') <> '' THEN a.r${n} END AS v${n}`).join('');
  const anyMissing = placeholders.length > 0 ? placeholders.map((n) => `p.v${n} IS NULL`).join(' OR ') : 'FALSE';
  const missingList = placeholders.length > 0 ? `concat_ws(', '${placeholders.map((n) => `, CASE WHEN p.v${n} IS NULL THEN '{{${n}}}' END`).join('')})` : `''`;
  const values = `jsonb_build_object(${placeholders.map((n) => `'${n}', p.v${n}`).join(', ')})`;

  // Columns the caller does not select are not computed (PostgreSQL drops unused subquery
  // outputs), so counting who is skipped costs no rendering. Numbers in E.164 are unique in the
  // table: only a number written another way can be a duplicate, and only its digits need a regex.
  const sql = `
    SELECT q.candidate_id, q.document_id, q.name, q.phone, q.skip_reason,
           CASE WHEN q.skip_reason IS NULL THEN q.all_values ELSE jsonb_strip_nulls(q.all_values) END AS variables,
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
                    WHEN NOT p.e164 THEN 'invalid_phone'
                    WHEN ${anyMissing} THEN 'missing_variable'
               END AS skip_reason,
               ${missingList} AS missing,
               ${values} AS all_values
          FROM (
            SELECT a.id, a.document_id, a.name, a.phone, a.opt_in, a.e164${valueColumns},
                   row_number() OVER (
                     PARTITION BY CASE WHEN a.e164 THEN substr(a.phone, 2) ELSE regexp_replace(a.phone, '[^0-9]', '', 'g') END
                     ORDER BY a.e164 DESC, a.id
                   ) AS phone_rank
              FROM (
                SELECT c.id, c.document_id, c.name, c.phone, c.opt_in, COALESCE(${IS_E164}, FALSE) AS e164${rawColumns}
                  FROM ${TABLE.candidate} c
                 WHERE ${where.sql}
                -- Evaluated once per candidate (not folded into the expressions above).
                OFFSET 0
              ) a
          ) p
      ) q`;
  return {
    sql,
    bindings: [SKIP_DETAIL.opted_out, SKIP_DETAIL.invalid_phone, SKIP_DETAIL.duplicate_phone, ...raws.flatMap((raw) => raw.bindings), ...where.bindings],
  };
};
