import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ImportFormat } from '../../../shared/candidate-import';
import type { CellValue } from './row-plan';

/** One row of the file: its number as a spreadsheet shows it (the header is row 1) and its cells. */
/** `bytes`: how far into the file the row ends, when the parser knows it (CSV). */
export type FileRow = { rowNumber: number; cells: CellValue[]; bytes?: number };

/** A file the parsers cannot read (a broken quote, not a workbook): the import fails with this message. */
export class UnreadableFileError extends Error {}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most in the header line outside quotes (comma when none is). */
export const detectDelimiter = (headerLine: string): string => {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
};

/** Bytes looked at for the header line before giving up on finding its end. */
const HEADER_PROBE_BYTES = 64 * 1024;

/**
 * Bytes handed to the CSV parser at a time. The parser reads a whole piece before it can pause, so
 * a stored 1 MB chunk would queue ~13,000 parsed rows in the stream while a batch waits on the
 * database; those rows outlive young-generation GCs and pile up in the old generation.
 */
const PARSE_SLICE_BYTES = 16 * 1024;

function* slicesOf(buffer: Buffer): Generator<Buffer> {
  for (let start = 0; start < buffer.length; start += PARSE_SLICE_BYTES) yield buffer.subarray(start, start + PARSE_SLICE_BYTES);
}

async function* csvRows(source: Readable): AsyncGenerator<FileRow> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let probe = '';
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    probe += next.value.toString('utf8');
    if (/[\r\n]/.test(probe) || probe.length > HEADER_PROBE_BYTES) break;
  }
  const delimiter = detectDelimiter(probe.replace(/^\uFEFF/, '').split(/\r?\n|\r/)[0] ?? '');
  const whole = Readable.from(
    (async function* () {
      for (const buffer of head) yield* slicesOf(buffer);
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield* slicesOf(next.value);
      }
    })()
  );
  const parser = whole.pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true, info: true })
  );
  whole.on('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      yield { rowNumber: info.lines, cells: record, bytes: info.bytes };
    }
  } catch (error) {
    throw new UnreadableFileError(`The CSV file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    whole.destroy();
  }
}

/** An Excel cell as text or number: rich text, hyperlinks and formulas give what they show. */
const cellOf = (value: unknown): CellValue => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if (cell.text !== undefined) return cellOf(cell.text);
    if (cell.result !== undefined) return cellOf(cell.result);
  }
  return '';
};

async function* xlsxRows(source: Readable): AsyncGenerator<FileRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    // The first worksheet only.
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let index = 1; index < values.length; index += 1) cells.push(cellOf(values[index]));
        yield { rowNumber: row.number, cells };
      }
      return;
    }
  } catch (error) {
    throw new UnreadableFileError(`The Excel file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    source.destroy();
  }
}

/** The file's rows as they stream in, the header row first. */
export const readRows = (source: Readable, format: ImportFormat): AsyncGenerator<FileRow> =>
  format === 'xlsx' ? xlsxRows(source) : csvRows(source);

/** The header row and the first `sampleCount` rows (for the column mapper); stops reading there. */
export const readHead = async (source: Readable, format: ImportFormat, sampleCount: number): Promise<{ header: CellValue[] | null; samples: CellValue[][] }> => {
  let header: CellValue[] | null = null;
  const samples: CellValue[][] = [];
  const rows = readRows(source, format);
  try {
    for await (const row of rows) {
      if (!header) header = row.cells;
      else samples.push(row.cells);
      if (samples.length >= sampleCount) break;
    }
  } finally {
    source.destroy();
  }
  return { header, samples };
};
