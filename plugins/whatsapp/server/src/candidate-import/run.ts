import type { Core } from '@strapi/strapi';
import { emptyCounts, type ImportCounts } from '../../../shared/candidate-import';
import { parsePhoneE164 } from '../domain/phone';
import { getService } from '../utils/get-service';
import { MAX_CANDIDATE_TAGS } from '../database/strapi-tables';
import { createImportApplier } from './apply-sql';
import { emptyReportColumns, emptyRowColumns, pushReport, pushRow } from './batch-columns';
import { chunkStream } from './file-chunks';
import { readRows, UnreadableFileError } from './read-rows';
import { columnPlans, readRow } from './row-plan';
import { createImportStore } from './store-sql';

/** Rows planned and written per statement: large enough to be set-based, small enough to keep memory flat. */
export const IMPORT_BATCH_ROWS = 1000;

/**
 * One run over the stored file (a dry run, or the import when `commit`): rows stream from the
 * chunks through the parser, are read by the mapping and planned a batch at a time; each batch's
 * report rows and the progress go to the import record, so any instance (and the page) sees them.
 * Duplicates in the file: the first row of a number wins, later ones are invalid.
 */
export const runImport = async (strapi: Core.Strapi, importId: string): Promise<void> => {
  const store = createImportStore(strapi);
  const applier = createImportApplier(strapi);
  const record = await store.find(importId);
  if (!record || (record.state !== 'dry-running' && record.state !== 'importing')) return;
  const commit = record.state === 'importing';
  const { defaultCountry } = await getService(strapi, 'settings').getResolved();
  const plans = columnPlans(record.headers, record.mapping);
  const firstRowOf = new Map<string, number>();
  const counts: ImportCounts = emptyCounts();
  let bytes = 0;
  let rowsRead = 0;
  // The batch as flat arrays of primitives (see RowColumns): the valid rows still to apply, and the report rows.
  let rowNumbers: number[] = [];
  let rows = emptyRowColumns();
  let report = emptyReportColumns();

  const flush = async () => {
    if (rows.phones.length > 0) {
      const applied = commit ? await applier.commit(rows) : await applier.plan(rows);
      for (let index = 0; index < rowNumbers.length; index += 1) {
        const outcome = applied.outcomes[index]!;
        const documentId = applied.documentIds[index] ?? null;
        const reason = outcome === 'invalid' ? (documentId === null ? `More than ${MAX_CANDIDATE_TAGS} tags` : `More than ${MAX_CANDIDATE_TAGS} tags with the stored ones`) : null;
        pushReport(report, rowNumbers[index]!, outcome, reason, rows.phones[index]!, documentId);
      }
    }
    for (const outcome of report.outcomes) counts[outcome] += 1;
    await store.recordBatch(record.internalId, report, { counts, bytes: Math.min(bytes, record.byteSize), rows: rowsRead });
    rowNumbers = [];
    rows = emptyRowColumns();
    report = emptyReportColumns();
  };

  try {
    await store.clearReport(record.internalId);
    // Progress: the parser's position in the file (CSV), else the chunks read so far (a workbook is unzipped as it streams).
    let chunkBytes = 0;
    const source = chunkStream(store, record.internalId, (read) => {
      chunkBytes += read;
    });
    let header = true;
    for await (const { rowNumber, cells, bytes: parsed } of readRows(source, record.format)) {
      bytes = parsed ?? chunkBytes;
      if (header) {
        header = false;
        continue;
      }
      const read = readRow(cells, plans, (input) => parsePhoneE164(input, defaultCountry));
      if (read.ok === 'blank') continue;
      rowsRead += 1;
      if (read.ok === false) {
        pushReport(report, rowNumber, 'invalid', read.reason, read.phone, null);
      } else {
        const first = firstRowOf.get(read.row.phone);
        if (first !== undefined) {
          pushReport(report, rowNumber, 'invalid', `Duplicate of row ${first}`, read.row.phone, null);
        } else {
          firstRowOf.set(read.row.phone, rowNumber);
          rowNumbers.push(rowNumber);
          pushRow(rows, read.row);
        }
      }
      if (rowNumbers.length + report.rows.length >= IMPORT_BATCH_ROWS) await flush();
    }
    await flush();
    await store.finish(record.internalId, commit ? 'done' : 'dry-run-done', { counts, bytes: record.byteSize, rows: rowsRead });
  } catch (error) {
    const message = error instanceof UnreadableFileError ? error.message : 'The import stopped on an unexpected error; the server log has the details';
    if (!(error instanceof UnreadableFileError)) {
      strapi.log.error(`[whatsapp] candidate import ${importId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await store.finish(record.internalId, 'failed', { counts, error: message });
  }
};
