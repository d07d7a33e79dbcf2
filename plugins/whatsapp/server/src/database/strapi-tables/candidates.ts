import type { DefaultColumns } from './document-row';
import { TABLE } from './names';

/** The candidate columns an import writes itself; the rest get their attribute defaults (defaultColumns). */
export const IMPORTED_CANDIDATE_COLUMNS = [
  'document_id', 'name', 'phone', 'email', 'tags', 'attributes', 'created_at', 'updated_at', 'published_at',
] as const;

/**
 * New candidates from parallel arrays (`:documentIds`, `:names`, `:phones`, `:emails`, `:tags`,
 * `:attributes` as jsonb text), with the timestamps the Document Service sets and every other
 * attribute's default (opt-in `unknown`). A phone another writer stored meanwhile is skipped
 * (`ON CONFLICT DO NOTHING`); the caller reads which phones were inserted from `RETURNING`.
 */
export const insertCandidatesSql = (defaults: DefaultColumns): string => `
INSERT INTO ${TABLE.candidate} (document_id, name, phone, email, tags, attributes, created_at, updated_at, published_at${defaults.columns})
SELECT t.document_id, t.name, t.phone, t.email, CAST(t.tags AS jsonb), CAST(t.attributes AS jsonb),
       CAST(:now AS timestamp), CAST(:now AS timestamp), CAST(:now AS timestamp)${defaults.values}
FROM unnest(CAST(:documentIds AS varchar[]), CAST(:names AS varchar[]), CAST(:phones AS varchar[]), CAST(:emails AS varchar[]),
            CAST(:tags AS text[]), CAST(:attributes AS text[])) AS t(document_id, name, phone, email, tags, attributes)
ORDER BY t.phone
ON CONFLICT (phone) DO NOTHING
RETURNING phone, document_id`;

/**
 * Rewrites name, e-mail, tags and attributes of existing candidates by id (parallel arrays
 * `:ids`, `:names`, `:emails`, `:tags`, `:attributes`), in id order so two writers never deadlock.
 * Opt-in columns are not touched.
 */
export const updateCandidatesSql = (): string => `
UPDATE ${TABLE.candidate} AS c
SET name = t.name, email = t.email, tags = CAST(t.tags AS jsonb), attributes = CAST(t.attributes AS jsonb), updated_at = CAST(:now AS timestamp)
FROM (
  SELECT * FROM unnest(CAST(:ids AS integer[]), CAST(:names AS varchar[]), CAST(:emails AS varchar[]), CAST(:tags AS text[]), CAST(:attributes AS text[]))
    AS u(id, name, email, tags, attributes)
  ORDER BY id
) AS t
WHERE c.id = t.id`;

/** Candidates by phone (`:phones`), locked for the caller's transaction when `lock` is set. */
export const candidatesByPhoneSql = (lock: boolean): string => `
SELECT id, document_id, phone, name, email, tags, attributes, opt_in
FROM ${TABLE.candidate}
WHERE phone = ANY(CAST(:phones AS varchar[]))
ORDER BY id${lock ? '\nFOR UPDATE' : ''}`;
