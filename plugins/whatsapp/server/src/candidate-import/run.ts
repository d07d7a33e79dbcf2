import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import { IMPORT_RUNNING_STATES, addCounts, emptyCounts, type ImportCounts } from '../../../shared/candidate-import';
import { parsePhoneE164 } from '../domain/phone';
import { getService } from '../utils/get-service';
import { createImportApplier } from './apply-sql';
import { addRefused, addRow, emptyBatch, isFull, jsonList, type ImportBatch } from './batch';
import { chunkStream } from './file-chunks';
import { readRows, UnreadableFileError } from './read-rows';
import { columnPlans, readRow } from './row-plan';
import { createImportStore } from './store-sql';

/**
 * Rows read between turns of the event loop. Parsed rows come out of the stream in promise
 * callbacks alone, so without a turn the batch in flight could not take its next round trip
 * (BEGIN, the statement, COMMIT) until the next batch had been read.
 */
const ROWS_PER_TURN = 100;

/**
 * One run over the stored file (a dry run, or the import when `commit`): rows stream from the
 * chunks through the parser, are read by the mapping and planned a batch at a time; each batch's
 * report rows and the progress go to the import record, so any instance (and the page) sees them.
 * The next batch is read while the database works on the last one (one batch in flight at most).
 * Duplicates in the file: the first row of a number wins, later ones are invalid.
 */
export const runImport = async (strapi: Core.Strapi, importId: string): Promise<void> => {
  const store = createImportStore(strapi);
  const applier = createImportApplier(strapi);
  const record = await store.find(importId);
  if (!record || !IMPORT_RUNNING_STATES.includes(record.state)) return;
  const commit = record.state === 'importing';
  const { defaultCountry } = await getService(strapi, 'settings').getResolved();
  const plans = columnPlans(record.headers, record.mapping);
  const firstRowOf = new Map<string, number>();
  const counts: ImportCounts = emptyCounts();
  let bytes = 0;
  let rowsRead = 0;
  let batch = emptyBatch();
  let inFlight: Promise<void> = Promise.resolve();

  const apply = async (done: ImportBatch, progress: { bytes: number; rows: number }) => {
    const applied = commit ? await applier.commit(record.internalId, done) : await applier.plan(record.internalId, done);
    addCounts(counts, applied);
    counts.invalid += done.refused.length;
    await store.recordBatch(record.internalId, jsonList(done.refused), { counts, bytes: Math.min(progress.bytes, record.byteSize), rows: progress.rows });
  };

  const flush = async () => {
    await inFlight;
    inFlight = apply(batch, { bytes, rows: rowsRead });
    // Handled where it is awaited (the next flush, or the end); this keeps Node from calling it unhandled meanwhile.
    inFlight.catch(() => {});
    batch = emptyBatch();
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
        addRefused(batch, rowNumber, read.reason, read.phone);
      } else {
        const first = firstRowOf.get(read.row.phone);
        if (first !== undefined) {
          addRefused(batch, rowNumber, `Duplicate of row ${first}`, read.row.phone);
        } else {
          firstRowOf.set(read.row.phone, rowNumber);
          addRow(batch, rowNumber, read.row);
        }
      }
      if (isFull(batch)) await flush();
      else if (rowsRead % ROWS_PER_TURN === 0) await nextTurn();
    }
    await flush();
    await inFlight;
    await store.finish(record.internalId, commit ? 'done' : 'dry-run-done', { counts, bytes: record.byteSize, rows: rowsRead });
  } catch (error) {
    await inFlight.catch(() => {});
    const message = error instanceof UnreadableFileError ? error.message : 'The import stopped on an unexpected error; the server log has the details';
    if (!(error instanceof UnreadableFileError)) {
      strapi.log.error(`[whatsapp] candidate import ${importId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await store.finish(record.internalId, 'failed', { counts, error: message });
  }
};
