import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  IMPORT_RUNNING_STATES,
  guessMapping,
  uniqueHeaders,
  type ImportOutcome,
  type ImportRowsPage,
  type ImportState,
  type ImportView,
} from '../../../shared/candidate-import';
import { JOB } from '../jobs/names';
import { getService } from '../utils/get-service';
import { chunkStream, FileTooLargeError, storeChunks } from './file-chunks';
import { resolveMapping } from './mapping';
import { readHead, UnreadableFileError } from './read-rows';
import { createImportStore, publicView, type ImportRecord } from './store-sql';
import { pageMeta } from '../utils/page-meta';

export const IMPORT_LIMITS = {
  /** Largest file accepted (Strapi's multipart parser itself stops at 200 MB). */
  maxBytes: 100 * 1024 * 1024,
  /** Rows shown to the column mapper. */
  samples: 3,
  /** Imports the Candidates page lists. */
  recent: 10,
  /** A run whose record has not moved for this long has died with its instance (run.ts moves it every batch). */
  staleMs: 10 * 60 * 1000,
  /** How long `POST /candidates/import` waits for its run before answering 202 with the import's id. */
  restWaitMs: 120_000,
  /** Report rows in the `POST /candidates/import` answer; the rest are paged. */
  restRows: 10_000,
} as const;

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const notFound = (): never => {
  throw new errors.NotFoundError('No such import');
};

const badFile = (message: string): never => {
  throw new errors.ValidationError(message, { errors: [{ path: ['file'], message, name: 'ValidationError' }] });
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Candidate imports: upload, the column mapping, the dry run and the import as jobs, their reports. */
export const createCandidateImportService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createImportStore(strapi);

  const recordOf = async (id: string): Promise<ImportRecord> => {
    await store.failStale(IMPORT_LIMITS.staleMs);
    return (await store.find(id)) ?? notFound();
  };

  const start = async (id: string, commit: boolean, mapping: Record<string, unknown> | undefined, from: ImportState[]): Promise<ImportView> => {
    const record = await recordOf(id);
    const resolved = resolveMapping(record.headers, mapping ?? record.mapping);
    const to: ImportState = commit ? 'importing' : 'dry-running';
    if (!(await store.startRun(record.internalId, from, to, commit, resolved))) {
      throw new errors.ApplicationError(`This import is ${record.state}: it cannot ${commit ? 'be imported' : 'run a dry run'} now`, { state: record.state });
    }
    await getService(strapi, 'queue').send(JOB.candidateImport, { importId: id });
    return publicView(await recordOf(id));
  };

  return {
    /**
     * Stores the file (streamed into the chunk table), reads its header and first rows, and
     * guesses the mapping. 400 for an empty or unreadable file, 413 over the size limit.
     */
    async upload(input: { fileName: string; source: AsyncIterable<Buffer | string>; createdBy: string | null }): Promise<ImportView> {
      const record = await store.create({ fileName: input.fileName || 'import.csv', format: 'csv', createdBy: input.createdBy });
      try {
        const { byteSize, head } = await storeChunks(store, record.internalId, input.source, IMPORT_LIMITS.maxBytes);
        if (byteSize === 0) badFile('The file is empty');
        const format = head.subarray(0, XLSX_MAGIC.length).equals(XLSX_MAGIC) ? 'xlsx' : 'csv';
        const { header, samples } = await readHead(chunkStream(store, record.internalId), format, IMPORT_LIMITS.samples);
        if (!header || header.every((cell) => String(cell).trim() === '')) badFile('The file has no header row');
        const headers = uniqueHeaders(header!);
        const texts = samples.map((row) => headers.map((_header, index) => String(row[index] ?? '')));
        await store.uploaded(record.internalId, { format, byteSize, headers, samples: texts, mapping: guessMapping(headers) });
        return publicView(await recordOf(record.id));
      } catch (error) {
        await store.remove(record.internalId);
        if (error instanceof FileTooLargeError) throw new errors.PayloadTooLargeError(error.message);
        if (error instanceof UnreadableFileError) badFile(error.message);
        throw error;
      }
    },

    /** Forgets an import that never ran (a REST call whose options were refused after the upload). */
    async discard(id: string) {
      const record = await store.find(id);
      if (record?.state === 'uploaded') await store.remove(record.internalId);
    },

    find: async (id: string): Promise<ImportView> => publicView(await recordOf(id)),

    async recent(): Promise<ImportView[]> {
      await store.failStale(IMPORT_LIMITS.staleMs);
      return (await store.recent(IMPORT_LIMITS.recent)).map(publicView);
    },

    /** A dry run with this mapping: what importing would do, row by row, writing no candidate. */
    dryRun: (id: string, mapping?: Record<string, unknown>) => start(id, false, mapping, ['uploaded', 'dry-run-done', 'failed']),

    /** The import itself (after a dry run or straight away), with the mapping given or the one saved. */
    commit: (id: string, mapping?: Record<string, unknown>) => start(id, true, mapping, ['uploaded', 'dry-run-done']),

    async rows(id: string, query: { page: number; pageSize: number; outcome?: ImportOutcome }): Promise<ImportRowsPage> {
      const record = await recordOf(id);
      const { results, total } = await store.reportPage(record.internalId, query.page, query.pageSize, query.outcome);
      return { results, pagination: pageMeta(query, total) };
    },

    /** Waits (polling the record, which any instance's job updates) until the run ends or `timeoutMs` passes. */
    async waitForRun(id: string, timeoutMs: number = IMPORT_LIMITS.restWaitMs): Promise<ImportView> {
      const deadline = Date.now() + timeoutMs;
      for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
        const view = publicView(await recordOf(id));
        if (!IMPORT_RUNNING_STATES.includes(view.state) || Date.now() >= deadline) return view;
        await sleep(delay);
      }
    },
  };
};

export type CandidateImportService = ReturnType<typeof createCandidateImportService>;
