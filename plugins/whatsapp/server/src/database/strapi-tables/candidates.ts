import type { DefaultColumns } from './document-row';
import { TABLE } from './names';

/** The candidate columns an import writes itself; the rest get their attribute defaults (defaultColumns). */
export const IMPORTED_CANDIDATE_COLUMNS = [
  'document_id', 'name', 'phone', 'email', 'tags', 'attributes', 'created_at', 'updated_at', 'published_at',
] as const;

/** Tags a candidate may have; more, once merged with the stored ones, makes the row invalid. */
export const MAX_CANDIDATE_TAGS = 100;

/**
 * The import rules for a batch of rows with distinct phones, in SQL so the app never loads the
 * stored candidates: upsert by phone; an empty cell (NULL) never clears a stored value; the row's
 * tags are appended to the stored ones (string tags only) in file order; attributes are merged,
 * the row's keys winning; opt-in is never touched. Outcome per row: `created`, `updated` (something
 * changes), `unchanged`, or `invalid` (more than MAX_CANDIDATE_TAGS tags once merged).
 * Input: `:rows`, the batch as a JSON list without its brackets (one flat string, the brackets
 * added here) of `{ row_number, phone, name?, email?, tags?, attributes? }` (a missing or null value
 * is an empty cell); when writing, `:documentIds`, ids to
 * give the created rows, in row order (the first created row takes the first).
 */
const plannedCtes = (lock: boolean, proposeIds: boolean): string => `
input AS (
  SELECT * FROM jsonb_to_recordset(CAST('[' || :rows || ']' AS jsonb))
    AS t(row_number integer, phone varchar, name varchar, email varchar, tags jsonb, attributes jsonb)
),
stored AS (
  SELECT c.id, c.document_id, c.phone, c.name, c.email,
         CASE WHEN jsonb_typeof(c.tags) = 'array' THEN jsonb_path_query_array(c.tags, '$[*] ? (@.type() == "string")') ELSE '[]'::jsonb END AS tags,
         CASE WHEN jsonb_typeof(c.attributes) = 'object' THEN c.attributes ELSE '{}'::jsonb END AS attributes
  FROM ${TABLE.candidate} AS c
  WHERE c.phone IN (SELECT i.phone FROM input AS i)
  ORDER BY c.id${lock ? '\n  FOR UPDATE' : ''}
),
-- Materialized: the merged tags are read several times below, and each read would merge them again.
merged AS MATERIALIZED (
  SELECT i.row_number, i.phone, s.id, s.document_id, s.name AS old_name, s.email AS old_email, s.tags AS old_tags, s.attributes AS old_attributes,
         COALESCE(i.name, s.name) AS name, COALESCE(i.email, s.email) AS email,
         CASE WHEN s.id IS NULL THEN COALESCE(i.tags, '[]'::jsonb)
              ELSE s.tags || COALESCE((SELECT jsonb_agg(x.tag ORDER BY x.n) FROM jsonb_array_elements(i.tags) WITH ORDINALITY AS x(tag, n)
                                       WHERE NOT s.tags @> jsonb_build_array(x.tag)), '[]'::jsonb) END AS tags,
         COALESCE(s.attributes, '{}'::jsonb) || COALESCE(i.attributes, '{}'::jsonb) AS attributes
  FROM input AS i LEFT JOIN stored AS s ON s.phone = i.phone
),
decided AS (
  SELECT m.*, CASE
           WHEN jsonb_array_length(m.tags) > ${MAX_CANDIDATE_TAGS} THEN 'invalid'
           WHEN m.id IS NULL THEN 'created'
           WHEN m.name IS DISTINCT FROM m.old_name OR m.email IS DISTINCT FROM m.old_email
             OR jsonb_array_length(m.tags) <> jsonb_array_length(m.old_tags) OR m.attributes <> m.old_attributes THEN 'updated'
           ELSE 'unchanged' END AS outcome
  FROM merged AS m
),
planned AS (
  SELECT d.*, ${
    proposeIds
      ? `CASE WHEN d.outcome = 'created'
              THEN (CAST(:documentIds AS varchar[]))[row_number() OVER (PARTITION BY d.outcome = 'created' ORDER BY d.row_number)] END`
      : 'NULL::varchar'
  } AS new_document_id
  FROM decided AS d
)`;

/**
 * The dry run of a batch, writing nothing: a WITH clause ending in `outcomes` (row_number, phone,
 * outcome, document_id: the stored candidate's, NULL for a new one; stored: whether there is one).
 * The caller adds its own CTEs and the final SELECT.
 */
export const planCandidatesWith = (): string => `
WITH ${plannedCtes(false, false)},
outcomes AS (
  SELECT p.row_number, p.phone, p.outcome, p.document_id, p.id IS NOT NULL AS stored FROM planned AS p
)`;

/**
 * The import of a batch, for the caller's transaction: the stored candidates are locked (in id
 * order, so two writers never deadlock), the changed ones updated and the new ones inserted with
 * their proposed documentId, the timestamps the Document Service sets (`:now`) and every other
 * attribute's default. A phone another writer stored after this statement's snapshot is skipped
 * (`ON CONFLICT DO NOTHING`) and its outcome is `retry`: run those rows again, they then see it.
 * A WITH clause ending in `outcomes` as planCandidatesWith's (document_id: the candidate's,
 * the proposed id for a new one); the caller adds its own CTEs and the final SELECT.
 */
export const importCandidatesWith = (defaults: DefaultColumns): string => `
WITH ${plannedCtes(true, true)},
updated AS (
  UPDATE ${TABLE.candidate} AS c
  SET name = p.name, email = p.email, tags = NULLIF(p.tags, '[]'::jsonb), attributes = NULLIF(p.attributes, '{}'::jsonb),
      updated_at = CAST(:now AS timestamp)
  FROM planned AS p
  WHERE c.id = p.id AND p.outcome = 'updated'
),
inserted AS (
  INSERT INTO ${TABLE.candidate} (document_id, name, phone, email, tags, attributes, created_at, updated_at, published_at${defaults.columns})
  SELECT p.new_document_id, p.name, p.phone, p.email, NULLIF(p.tags, '[]'::jsonb), NULLIF(p.attributes, '{}'::jsonb),
         CAST(:now AS timestamp), CAST(:now AS timestamp), CAST(:now AS timestamp)${defaults.values}
  FROM planned AS p
  WHERE p.outcome = 'created'
  ORDER BY p.phone
  ON CONFLICT (phone) DO NOTHING
  RETURNING phone
),
outcomes AS (
  SELECT p.row_number, p.phone,
         CASE WHEN p.outcome = 'created' AND n.phone IS NULL THEN 'retry' ELSE p.outcome END AS outcome,
         CASE WHEN p.outcome = 'created' THEN p.new_document_id ELSE p.document_id END AS document_id,
         p.id IS NOT NULL AS stored
  FROM planned AS p LEFT JOIN inserted AS n ON n.phone = p.phone
)`;
