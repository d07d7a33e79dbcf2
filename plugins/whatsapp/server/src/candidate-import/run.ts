import type { Core } from '@strapi/strapi';
import { emptyCounts, type ImportCounts } from '../../../shared/candidate-import';
import { parsePhoneE164 } from '../domain/phone';
import { getService } from '../utils/get-service';
import { createImportApplier } from './apply-sql';
import { chunkStream } from './file-chunks';
import { readRows, UnreadableFileError } from './read-rows';
import { columnPlans, readRow, type IncomingRow, type ReportRow } from './row-plan';
import { createImportStore } from './store-sql';

/** Rows planned and written per statement: large enough to be set-based, small enough to keep memory flat. */
export const IMPORT_BATCH_ROWS = 2000;

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
  let pending: Array<{ rowNumber: number; row: IncomingRow }> = [];
  let report: ReportRow[] = [];

  const flush = async () => {
    if (pending.length > 0) {
      const incoming = pending.map((item) => item.row);
      const applied = commit ? await applier.commit(incoming) : await applier.plan(incoming);
      applied.forEach(({ plan, documentId }, index) => {
        const { rowNumber, row } = pending[index]!;
        report.push({ row: rowNumber, outcome: plan.outcome, reason: plan.outcome === 'invalid' ? plan.reason : null, phone: row.phone, candidateId: documentId });
      });
    }
    for (const row of report) counts[row.outcome] += 1;
    if (report.length > 0) report.sort((a, b) => a.row - b.row);
    await store.recordBatch(record.internalId, report, { counts, bytes: Math.min(bytes, record.byteSize), rows: rowsRead });
    pending = [];
    report = [];
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
        report.push({ row: rowNumber, outcome: 'invalid', reason: read.reason, phone: read.phone, candidateId: null });
      } else {
        const first = firstRowOf.get(read.row.phone);
        if (first !== undefined) {
          report.push({ row: rowNumber, outcome: 'invalid', reason: `Duplicate of row ${first}`, phone: read.row.phone, candidateId: null });
        } else {
          firstRowOf.set(read.row.phone, rowNumber);
          pending.push({ rowNumber, row: read.row });
        }
      }
      if (pending.length + report.length >= IMPORT_BATCH_ROWS) await flush();
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
