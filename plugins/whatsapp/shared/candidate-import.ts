/** Candidate imports: wire types and the pure column-mapping rules, shared by the server and the Candidates page. */

export const IMPORT_STATES = ['uploaded', 'dry-running', 'dry-run-done', 'importing', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** States in which a job is working on the import. */
export const IMPORT_RUNNING_STATES: readonly ImportState[] = ['dry-running', 'importing'];

export const IMPORT_OUTCOMES = ['created', 'updated', 'unchanged', 'invalid'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export type ImportCounts = Record<ImportOutcome, number>;

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where one column goes: a candidate field, an attribute (`attribute:<key>`), or nowhere. */
export const IMPORT_FIELDS = ['name', 'phone', 'email', 'tags', 'ignore'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const ATTRIBUTE_TARGET_PREFIX = 'attribute:';
export type ImportTarget = ImportField | `attribute:${string}`;

/** Column header → target. Headers repeated in a file are told apart as `Header (2)`. */
export type ImportMapping = Record<string, ImportTarget>;

export type ImportView = {
  id: string;
  fileName: string;
  format: ImportFormat;
  byteSize: number;
  state: ImportState;
  /** The run in progress or last finished wrote to candidates (false: a dry run). */
  commit: boolean;
  headers: string[];
  /** The first rows of the file, cell texts in header order, for the column mapper. */
  samples: string[][];
  mapping: ImportMapping;
  counts: ImportCounts;
  bytesProcessed: number;
  rowsProcessed: number;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

export type ImportRowView = {
  row: number;
  outcome: ImportOutcome;
  reason: string | null;
  phone: string | null;
  candidateId: string | null;
};

export type ImportRowsPage = {
  results: ImportRowView[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
};

export const emptyCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, invalid: 0 });

/** Adds `more`'s counts to `total`'s. */
export const addCounts = (total: ImportCounts, more: ImportCounts): void => {
  for (const outcome of IMPORT_OUTCOMES) total[outcome] += more[outcome];
};

const GUESSES: Array<[RegExp, ImportField]> = [
  [/^(phone|mobile|cell|whatsapp|number|contact|phone ?number|mobile ?number|tel|telephone)$/i, 'phone'],
  [/^(e-?mail|e-?mail ?address|mail)$/i, 'email'],
  [/^(name|full ?name|candidate|candidate ?name|first ?name)$/i, 'name'],
  [/^(tags?|labels?|groups?)$/i, 'tags'],
];

/** An attribute key from a header: lowercase words joined by `_` (`Passing Year` → `passing_year`). */
export const attributeKeyOf = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64) || 'column';

/**
 * The mapping guessed from the headers: known names go to their field (the first such column
 * only), every other column to an attribute keyed by its header.
 */
export const guessMapping = (headers: readonly string[]): ImportMapping => {
  const taken = new Set<ImportField>();
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const label = header.trim();
    const field = GUESSES.find(([pattern, candidate]) => pattern.test(label) && !taken.has(candidate))?.[1];
    if (field) {
      taken.add(field);
      mapping[header] = field;
    } else {
      mapping[header] = label ? `${ATTRIBUTE_TARGET_PREFIX}${attributeKeyOf(label)}` : 'ignore';
    }
  }
  return mapping;
};

/** Headers as keys: trimmed, blanks named by position, repeats numbered, so every column has its own key. */
export const uniqueHeaders = (raw: readonly unknown[]): string[] => {
  const seen = new Map<string, number>();
  return raw.map((value, index) => {
    const base = String(value ?? '').trim() || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
};
