import { BATCH_ROWS, addRefused, addRow, emptyBatch, isFull, jsonList, rowsNumbered } from '../batch';
import type { IncomingRow } from '../row-plan';

const row = (phone: string, name: string | null = 'Asha'): IncomingRow => ({ phone, name, email: null, tags: [], attributes: {} });

describe('import batches', () => {
  it('keeps each row as one JSON text, empty cells left out, and lists them for the statement', () => {
    const batch = emptyBatch();
    addRow(batch, 2, { phone: '+919812345678', name: 'Asha', email: null, tags: ['java', 'sql'], attributes: { city: 'Pune', year: 2026 } });
    addRow(batch, 3, row('+919812345679', null));
    addRefused(batch, 4, 'Duplicate of row 2', '+919812345678');
    expect(batch.rowNumbers).toEqual([2, 3]);
    expect(JSON.parse(`[${jsonList(batch.rows)}]`)).toEqual([
      { row_number: 2, phone: '+919812345678', name: 'Asha', tags: ['java', 'sql'], attributes: { city: 'Pune', year: 2026 } },
      { row_number: 3, phone: '+919812345679' },
    ]);
    expect(JSON.parse(`[${jsonList(batch.refused)}]`)).toEqual([{ row_number: 4, reason: 'Duplicate of row 2', phone: '+919812345678' }]);
  });

  it('is full at BATCH_ROWS rows, valid and refused together', () => {
    const batch = emptyBatch();
    for (let index = 0; index < BATCH_ROWS - 1; index += 1) addRow(batch, index + 2, row(`+9198${String(index).padStart(8, '0')}`));
    expect(isFull(batch)).toBe(false);
    addRefused(batch, BATCH_ROWS + 1, 'No phone number', null);
    expect(isFull(batch)).toBe(true);
  });

  it('is full before its text reaches V8 large-object size, counting two bytes a character beyond Latin-1', () => {
    const latin = emptyBatch();
    const devanagari = emptyBatch();
    let latinRows = 0;
    let devanagariRows = 0;
    const long = 'a'.repeat(1000);
    const longHindi = 'अ'.repeat(1000);
    while (!isFull(latin)) addRow(latin, (latinRows += 1), row(`+9198${String(latinRows).padStart(8, '0')}`, long));
    while (!isFull(devanagari)) addRow(devanagari, (devanagariRows += 1), row(`+9198${String(devanagariRows).padStart(8, '0')}`, longHindi));
    expect(jsonList(latin.rows).length).toBeLessThan(128 * 1024);
    expect(jsonList(devanagari.rows).length * 2).toBeLessThan(128 * 1024);
    expect(latinRows).toBeLessThan(BATCH_ROWS);
    expect(devanagariRows).toBeLessThan(latinRows / 1.5);
  });

  it('picks the rows to run again by row number', () => {
    const batch = emptyBatch();
    addRow(batch, 2, row('+919812345678'));
    addRow(batch, 5, row('+919812345679'));
    addRow(batch, 9, row('+919812345670'));
    const again = rowsNumbered(batch, new Set([5, 9]));
    expect(again.rowNumbers).toEqual([5, 9]);
    expect(JSON.parse(`[${jsonList(again.rows)}]`).map((item: { phone: string }) => item.phone)).toEqual(['+919812345679', '+919812345670']);
  });
});
