import type { ImportOutcome } from '../../../shared/candidate-import';
import type { RowColumns } from './apply-sql';
import type { IncomingRow } from './row-plan';

/**
 * A batch is kept as parallel arrays of primitives, not an object per row: a batch lives across
 * database round trips, so V8 promotes what it holds to the old generation (and, seeing the same
 * allocation sites survive, allocates their objects there directly); flat arrays of strings make
 * that a few small arrays instead of tens of thousands of objects that pile up until a full GC.
 */
export const emptyRowColumns = (): RowColumns => ({ phones: [], names: [], emails: [], tags: [], attributes: [] });

const hasKeys = (value: object): boolean => {
  for (const _key in value) return true;
  return false;
};

/** Adds a valid row; its tags and attributes as the JSON text the statement casts to jsonb (NULL when empty). */
export const pushRow = (columns: RowColumns, row: IncomingRow): void => {
  columns.phones.push(row.phone);
  columns.names.push(row.name);
  columns.emails.push(row.email);
  columns.tags.push(row.tags.length > 0 ? JSON.stringify(row.tags) : null);
  columns.attributes.push(hasKeys(row.attributes) ? JSON.stringify(row.attributes) : null);
};

/** Report rows of a batch: row number, outcome, reason (invalid rows), phone, candidate documentId. */
export type ReportColumns = {
  rows: number[];
  outcomes: ImportOutcome[];
  reasons: Array<string | null>;
  phones: Array<string | null>;
  candidateIds: Array<string | null>;
};

export const emptyReportColumns = (): ReportColumns => ({ rows: [], outcomes: [], reasons: [], phones: [], candidateIds: [] });

export const pushReport = (report: ReportColumns, row: number, outcome: ImportOutcome, reason: string | null, phone: string | null, candidateId: string | null): void => {
  report.rows.push(row);
  report.outcomes.push(outcome);
  report.reasons.push(reason);
  report.phones.push(phone);
  report.candidateIds.push(candidateId);
};
