import type { Core } from '@strapi/strapi';
import { PLAIN_TABLE } from '../constants';
import { newDocumentId } from '../database/strapi-tables';
import { isoOrNull, jsonColumn, rowsOf } from '../database/sql-row';
import {
  emptyCounts,
  type ImportCounts,
  type ImportFormat,
  type ImportMapping,
  type ImportOutcome,
  type ImportRowView,
  type ImportState,
  type ImportView,
} from '../../../shared/candidate-import';

const I = PLAIN_TABLE.candidateImport;
const C = PLAIN_TABLE.candidateImportChunk;
const R = PLAIN_TABLE.candidateImportRow;

type Row = Record<string, unknown>;

/** An import record with its internal id, for the service and the job. */
export type ImportRecord = ImportView & { internalId: number };

const toRecord = (row: Row): ImportRecord => ({
  internalId: Number(row.id),
  id: String(row.document_id),
  fileName: String(row.file_name),
  format: row.format as ImportFormat,
  byteSize: Number(row.byte_size),
  state: row.state as ImportState,
  commit: Boolean(row.commit_run),
  headers: jsonColumn<string[]>(row.headers) ?? [],
  samples: jsonColumn<string[][]>(row.samples) ?? [],
  mapping: jsonColumn<ImportMapping>(row.mapping) ?? {},
  counts: { ...emptyCounts(), ...(jsonColumn<Partial<ImportCounts>>(row.counts) ?? {}) },
  bytesProcessed: Number(row.bytes_processed),
  rowsProcessed: Number(row.rows_processed),
  error: (row.error as string | null) ?? null,
  createdBy: (row.created_by as string | null) ?? null,
  createdAt: isoOrNull(row.created_at)!,
  updatedAt: isoOrNull(row.updated_at)!,
  finishedAt: isoOrNull(row.finished_at),
});

export const publicView = ({ internalId: _internalId, ...view }: ImportRecord): ImportView => view;

/** The import tables: records, file chunks and report rows. */
export const createImportStore = (strapi: Core.Strapi) => {
  const db = () => strapi.db.connection;
  return {
    async create(input: { fileName: string; format: ImportFormat; createdBy: string | null }): Promise<ImportRecord> {
      const result = await db().raw(
        `INSERT INTO ${I} (document_id, file_name, format, state, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 'uploaded', ?, now(), now()) RETURNING *`,
        [newDocumentId(), input.fileName.slice(0, 255), input.format, input.createdBy]
      );
      return toRecord(rowsOf(result)[0]!);
    },

    async remove(internalId: number) {
      await db().raw(`DELETE FROM ${I} WHERE id = ?`, [internalId]);
    },

    async writeChunk(internalId: number, seq: number, data: Buffer) {
      await db().raw(`INSERT INTO ${C} (import_id, seq, data) VALUES (?, ?, ?)`, [internalId, seq, data]);
    },

    async readChunk(internalId: number, seq: number): Promise<Buffer | null> {
      // As base64, not bytea's hex: the driver gathers each answer into one growing buffer and
      // decodes it to a string, so hex (twice the chunk) made ~13 MB of garbage per 1 MB chunk.
      const rows = rowsOf(await db().raw(`SELECT encode(data, 'base64') AS data FROM ${C} WHERE import_id = ? AND seq = ?`, [internalId, seq]));
      const data = rows[0]?.data as string | undefined;
      return data === undefined ? null : Buffer.from(data, 'base64');
    },

    async uploaded(internalId: number, fields: { format: ImportFormat; byteSize: number; headers: string[]; samples: string[][]; mapping: ImportMapping }) {
      await db().raw(`UPDATE ${I} SET format = ?, byte_size = ?, headers = CAST(? AS jsonb), samples = CAST(? AS jsonb), mapping = CAST(? AS jsonb), updated_at = now() WHERE id = ?`, [
        fields.format,
        fields.byteSize,
        JSON.stringify(fields.headers),
        JSON.stringify(fields.samples),
        JSON.stringify(fields.mapping),
        internalId,
      ]);
    },

    async find(documentId: string): Promise<ImportRecord | null> {
      const rows = rowsOf(await db().raw(`SELECT * FROM ${I} WHERE document_id = ?`, [documentId]));
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async recent(limit: number): Promise<ImportRecord[]> {
      return rowsOf(await db().raw(`SELECT * FROM ${I} ORDER BY created_at DESC, id DESC LIMIT ?`, [limit])).map(toRecord);
    },

    /**
     * Moves the import into a run (`to`) only from one of `from`: two clicks or two instances
     * cannot start the same import twice. Answers whether this caller won.
     */
    async startRun(internalId: number, from: ImportState[], to: ImportState, commit: boolean, mapping: ImportMapping): Promise<boolean> {
      const result = await db().raw(
        `UPDATE ${I} SET state = ?, commit_run = ?, mapping = CAST(? AS jsonb), counts = '{}', bytes_processed = 0, rows_processed = 0,
                error = NULL, finished_at = NULL, updated_at = now()
         WHERE id = ? AND state = ANY(?::varchar[]) RETURNING id`,
        [to, commit, JSON.stringify(mapping), internalId, from]
      );
      return rowsOf(result).length === 1;
    },

    /**
     * Runs whose record has not moved for `staleMs` are failed: a run updates its record every
     * batch (a second or so), so one that stopped moving died with its app instance.
     */
    async failStale(staleMs: number) {
      await db().raw(
        `UPDATE ${I} SET state = 'failed', error = ?, finished_at = now(), updated_at = now()
         WHERE state IN ('dry-running', 'importing') AND updated_at < now() - make_interval(secs => ?)`,
        ['The run stopped: the app instance running it went away. Run it again.', staleMs / 1000]
      );
    },

    async clearReport(internalId: number) {
      await db().raw(`DELETE FROM ${R} WHERE import_id = ?`, [internalId]);
    },

    /**
     * The report rows of a batch's refused rows (`refused`: a JSON list without brackets of `{ row_number,
     * reason, phone }`, see jsonList; the valid rows' report the applier writes) and the progress, in one statement.
     */
    async recordBatch(internalId: number, refused: string, progress: { counts: ImportCounts; bytes: number; rows: number }) {
      await db().raw(
        `WITH report AS (
           INSERT INTO ${R} (import_id, row_number, outcome, reason, phone)
           SELECT ?, r.row_number, 'invalid', r.reason, r.phone
           FROM jsonb_to_recordset(CAST('[' || ? || ']' AS jsonb)) AS r(row_number integer, reason text, phone varchar)
         )
         UPDATE ${I} SET counts = CAST(? AS jsonb), bytes_processed = ?, rows_processed = ?, updated_at = now() WHERE id = ?`,
        [internalId, refused, JSON.stringify(progress.counts), progress.bytes, progress.rows, internalId]
      );
    },

    async finish(internalId: number, state: ImportState, fields: { counts?: ImportCounts; bytes?: number; rows?: number; error?: string }) {
      await db().raw(
        `UPDATE ${I} SET state = ?, counts = COALESCE(CAST(? AS jsonb), counts), bytes_processed = COALESCE(?, bytes_processed),
                rows_processed = COALESCE(?, rows_processed), error = ?, finished_at = now(), updated_at = now()
         WHERE id = ?`,
        [state, fields.counts ? JSON.stringify(fields.counts) : null, fields.bytes ?? null, fields.rows ?? null, fields.error ?? null, internalId]
      );
    },

    async reportPage(internalId: number, page: number, pageSize: number, outcome?: ImportOutcome) {
      const filter = outcome ? 'AND outcome = ?' : '';
      const params = outcome ? [internalId, outcome] : [internalId];
      const [rows, total] = await Promise.all([
        db().raw(
          `SELECT row_number, outcome, reason, phone, candidate_document_id FROM ${R} WHERE import_id = ? ${filter}
           ORDER BY row_number LIMIT ? OFFSET ?`,
          [...params, pageSize, (page - 1) * pageSize]
        ),
        db().raw(`SELECT count(*)::integer AS total FROM ${R} WHERE import_id = ? ${filter}`, params),
      ]);
      const results: ImportRowView[] = rowsOf(rows).map((row) => ({
        row: Number(row.row_number),
        outcome: row.outcome as ImportOutcome,
        reason: (row.reason as string | null) ?? null,
        phone: (row.phone as string | null) ?? null,
        candidateId: (row.candidate_document_id as string | null) ?? null,
      }));
      return { results, total: Number(rowsOf(total)[0]?.total ?? 0) };
    },
  };
};

export type ImportStore = ReturnType<typeof createImportStore>;
