import ExcelJS from 'exceljs';
import { contentApi, expectStrapiError } from '../helpers/api';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';

type Report = {
  id: string;
  dryRun: boolean;
  state: string;
  counts: { created: number; updated: number; unchanged: number; invalid: number };
  rows: Array<{ row: number; outcome: string; reason: string | null; phone: string | null; candidateId: string | null }>;
};

const createCandidate = async (data: Record<string, unknown>) =>
  (await contentApi().post('/api/whatsapp/candidates').send({ data }).expect(201)).body.data as { documentId: string };

const importCsv = (csv: string, query: Record<string, string>) =>
  contentApi().post('/api/whatsapp/candidates/import').query(query).set('Content-Type', 'text/csv').send(csv);

const candidateByPhone = (phone: string) =>
  withDb(async (client) => {
    const result = await client.query('SELECT document_id, name, email, opt_in, opt_in_at, tags, attributes FROM plugin_whatsapp_candidates WHERE phone = $1', [phone]);
    return result.rows[0] as { document_id: string; name: string; email: string | null; opt_in: string; opt_in_at: Date | null; tags: string[] | null; attributes: Record<string, unknown> | null } | undefined;
  });

describe('POST /api/whatsapp/candidates/import', () => {
  it('reports a dry run row by row, then imports the same counts, never opting an opted-out candidate in', async () => {
    const [a, b, c, d, e] = [uniqueIndianMobile(), uniqueIndianMobile(), uniqueIndianMobile(), uniqueIndianMobile(), uniqueIndianMobile()];
    await createCandidate({ name: 'Old Name', phone: a, tags: ['x'], attributes: { city: 'Pune' } });
    await createCandidate({ name: 'Bee', phone: b, optIn: 'opted_out' });
    await createCandidate({ name: 'Cee', phone: c, tags: ['a'] });
    const csv = [
      'Name,Phone,Email,Tags,City',
      `New One,${d.slice(3)},new@example.com,a;b;c,Mumbai`, // 2: created (a number without +91 is read in IN)
      `Old Updated,${a},,y,`, // 3: updated (name, tag added; the empty city keeps Pune)
      `Bee,${b},,vip,`, // 4: updated, still opted out
      `Cee,${c},,a,`, // 5: unchanged
      'Bad,12345,,,', // 6: invalid number
      `Dup,+91 ${d.slice(3)},,,`, // 7: duplicate of row 2
      '',
      'No Phone,,x@example.com,,', // 9: no number
      `Bad Mail,${e},not-an-email,,`, // 10: invalid e-mail
    ].join('\n');
    const expectedCounts = { created: 1, updated: 2, unchanged: 1, invalid: 4 };

    const dry = await importCsv(csv, { dryRun: 'true', fileName: 'people.csv' }).expect(200);
    const dryReport = dry.body.data as Report;
    expect(dryReport).toMatchObject({ dryRun: true, state: 'dry-run-done', counts: expectedCounts });
    expect(dry.body.meta.rows).toEqual({ total: 8, returned: 8 });
    expect(dryReport.rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, 'created'],
      [3, 'updated'],
      [4, 'updated'],
      [5, 'unchanged'],
      [6, 'invalid'],
      [7, 'invalid'],
      [9, 'invalid'],
      [10, 'invalid'],
    ]);
    const reasons = Object.fromEntries(dryReport.rows.map((row) => [row.row, row.reason]));
    expect(reasons[6]).toMatch(/not a valid phone number/);
    expect(reasons[7]).toBe('Duplicate of row 2');
    expect(reasons[9]).toBe('No phone number');
    expect(reasons[10]).toMatch(/not a valid e-mail/);
    // A dry run writes nothing.
    expect(await candidateByPhone(d)).toBeUndefined();
    expect((await candidateByPhone(a))!.name).toBe('Old Name');

    const done = await importCsv(csv, { dryRun: 'false' }).expect(200);
    const report = done.body.data as Report;
    expect(report).toMatchObject({ dryRun: false, state: 'done', counts: expectedCounts });
    expect(report.rows.map((row) => [row.row, row.outcome])).toEqual(dryReport.rows.map((row) => [row.row, row.outcome]));

    const created = await candidateByPhone(d);
    expect(created).toMatchObject({ name: 'New One', email: 'new@example.com', opt_in: 'unknown', tags: ['a', 'b', 'c'], attributes: { city: 'Mumbai' } });
    expect(report.rows.find((row) => row.row === 2)!.candidateId).toBe(created!.document_id);
    expect(await candidateByPhone(a)).toMatchObject({ name: 'Old Updated', tags: ['x', 'y'], attributes: { city: 'Pune' } });
    expect(await candidateByPhone(b)).toMatchObject({ name: 'Bee', opt_in: 'opted_out', opt_in_at: null, tags: ['vip'] });
    expect(await candidateByPhone(e)).toBeUndefined();
    // The new candidate reads back through the REST API like any other.
    const read = await contentApi().get(`/api/whatsapp/candidates/${created!.document_id}`).expect(200);
    expect(read.body.data).toMatchObject({ phone: d, optIn: 'unknown', tags: ['a', 'b', 'c'] });

    // The same file again changes nothing.
    const again = await importCsv(csv, { dryRun: 'false' }).expect(200);
    expect(again.body.data.counts).toEqual({ created: 0, updated: 0, unchanged: 4, invalid: 4 });

    const status = await contentApi().get(`/api/whatsapp/candidate-imports/${report.id}`).expect(200);
    expect(status.body.data).toMatchObject({ id: report.id, state: 'done', dryRun: false, counts: expectedCounts });
    const invalid = await contentApi().get(`/api/whatsapp/candidate-imports/${report.id}/rows`).query({ outcome: 'invalid', 'pagination[pageSize]': 2 }).expect(200);
    expect(invalid.body.data.map((row: { row: number }) => row.row)).toEqual([6, 7]);
    expect(invalid.body.meta.pagination).toMatchObject({ total: 4, pageCount: 2 });
  });

  it('merges rows into stored candidates: empty cells keep values, tags appended in order, attributes merged, at most 100 tags', async () => {
    const [kept, merged, changed, full] = [uniqueIndianMobile(), uniqueIndianMobile(), uniqueIndianMobile(), uniqueIndianMobile()];
    const many = Array.from({ length: 100 }, (_value, index) => `t${index}`);
    await createCandidate({ name: 'Asha', phone: kept, tags: ['x'], attributes: { city: 'Pune' } });
    const stored = await createCandidate({ name: 'Asha', phone: merged, tags: ['x'], attributes: { city: 'Pune' } });
    await createCandidate({ name: 'Asha', phone: changed, tags: ['x'], attributes: { city: 'Pune' } });
    const fullOne = await createCandidate({ name: 'Full', phone: full, tags: many });
    const csv = `Phone,Name,Tags,City,Year\n${kept},Asha,x,Pune,\n${merged},,y;x,,2026\n${changed},,,Mumbai,\n${full},,new,,\n${full.replace('+91', '')},,,,\n`;
    const dry = await importCsv(csv, { dryRun: 'true' }).expect(200);
    const expected = [
      { row: 2, outcome: 'unchanged' },
      { row: 3, outcome: 'updated', candidateId: stored.documentId },
      { row: 4, outcome: 'updated' },
      { row: 5, outcome: 'invalid', reason: 'More than 100 tags with the stored ones', candidateId: fullOne.documentId },
      { row: 6, outcome: 'invalid', reason: 'Duplicate of row 5' },
    ];
    expect(dry.body.data.rows).toMatchObject(expected);
    const done = await importCsv(csv, { dryRun: 'false' }).expect(200);
    expect(done.body.data.rows).toMatchObject(expected);
    expect(await candidateByPhone(kept)).toMatchObject({ name: 'Asha', tags: ['x'], attributes: { city: 'Pune' } });
    expect(await candidateByPhone(merged)).toMatchObject({ name: 'Asha', tags: ['x', 'y'], attributes: { city: 'Pune', year: '2026' } });
    expect(await candidateByPhone(changed)).toMatchObject({ name: 'Asha', tags: ['x'], attributes: { city: 'Mumbai' } });
    expect((await candidateByPhone(full))?.tags).toEqual(many);
  });

  it('reads a semicolon-separated file and an explicit mapping', async () => {
    const phone = uniqueIndianMobile();
    const csv = `Mobile;Full name;Course;Notes\n${phone};Asha;B.Tech;skip me\n`;
    const response = await importCsv(csv, { dryRun: 'false', mapping: JSON.stringify({ Course: 'attribute:course', Notes: 'ignore' }) }).expect(200);
    expect(response.body.data).toMatchObject({ state: 'done', counts: { created: 1, updated: 0, unchanged: 0, invalid: 0 } });
    expect(response.body.data.mapping).toEqual({ Mobile: 'phone', 'Full name': 'name', Course: 'attribute:course', Notes: 'ignore' });
    expect(await candidateByPhone(phone)).toMatchObject({ name: 'Asha', attributes: { course: 'B.Tech' } });
  });

  it('imports an Excel workbook sent as a multipart file', async () => {
    const [p1, p2] = [uniqueIndianMobile(), uniqueIndianMobile()];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Candidates');
    sheet.addRow(['Name', 'Phone', 'Tags', 'Year']);
    sheet.addRow(['Ravi', Number(p1.slice(1)), 'java;sql', 2026]); // a number cell, as Excel keeps digits
    sheet.addRow(['Meena', p2, 'python', 2025]);
    sheet.addRow(['Ravi again', p1, '', '']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const dry = await contentApi().post('/api/whatsapp/candidates/import').field('dryRun', 'true').attach('file', file, 'people.xlsx').expect(200);
    expect(dry.body.data).toMatchObject({ format: 'xlsx', state: 'dry-run-done', counts: { created: 2, updated: 0, unchanged: 0, invalid: 1 } });
    expect(dry.body.data.rows[2]).toMatchObject({ row: 4, outcome: 'invalid', reason: 'Duplicate of row 2' });

    const done = await contentApi().post('/api/whatsapp/candidates/import').attach('file', file, 'people.xlsx').expect(200);
    expect(done.body.data.counts).toEqual({ created: 2, updated: 0, unchanged: 0, invalid: 1 });
    expect(await candidateByPhone(p1)).toMatchObject({ name: 'Ravi', tags: ['java', 'sql'], attributes: { year: 2026 } });
    expect(await candidateByPhone(p2)).toMatchObject({ name: 'Meena', tags: ['python'] });
  });

  it('streams a large raw body (application/octet-stream) into the import', async () => {
    const prefix = `+917${Math.floor(1000 + Math.random() * 8999)}`;
    const lines = ['Phone,Name,Notes'];
    for (let index = 0; index < 5000; index += 1) lines.push(`${prefix}${String(index).padStart(5, '0')},Student ${index},${'x'.repeat(40)}`);
    const body = Buffer.from(`${lines.join('\n')}\n`);
    expect(body.length).toBeGreaterThan(200_000);
    const response = await contentApi()
      .post('/api/whatsapp/candidates/import')
      .query({ dryRun: 'true', fileName: 'big.csv' })
      .set('Content-Type', 'application/octet-stream')
      .send(body)
      .expect(200);
    expect(response.body.data).toMatchObject({ fileName: 'big.csv', byteSize: body.length, state: 'dry-run-done', counts: { created: 5000, updated: 0, unchanged: 0, invalid: 0 } });
    expect(response.body.meta.rows).toEqual({ total: 5000, returned: 5000 });
  });

  it.each([
    ['no file', () => contentApi().post('/api/whatsapp/candidates/import').field('dryRun', 'true'), /multipart field "file"/],
    ['an empty file', () => contentApi().post('/api/whatsapp/candidates/import').attach('file', Buffer.alloc(0), 'empty.csv'), /empty/],
    ['an empty text body', () => importCsv('', { dryRun: 'true' }), /file/],
    ['an unknown mapping field', () => importCsv('Phone,Name\n+919800000000,A\n', { mapping: JSON.stringify({ Name: 'nickname' }) }), /Unknown mapping field "nickname"/],
    ['a mapping naming a missing column', () => importCsv('Phone,Name\n+919800000000,A\n', { mapping: JSON.stringify({ Mobile: 'phone' }) }), /no column "Mobile"/],
    ['no phone column', () => importCsv('Name,City\nA,B\n', {}), /Map one column to phone/],
    ['mapping that is not JSON', () => importCsv('Phone\n+919800000000\n', { mapping: '{nope' }), /mapping must be a JSON object/],
  ])('answers 400 in Strapi error shape for %s', async (_label, send, message) => {
    const response = await send();
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    expect(response.body.error.message).toMatch(message);
  });

  it('is a permission: a token without it gets 403, the public role 401/403', async () => {
    const { createCustomToken } = await import('../helpers/tokens');
    const { api } = await import('../helpers/api');
    const token = await createCustomToken(['plugin::whatsapp.candidate.find']);
    const refused = await api(token).post('/api/whatsapp/candidates/import').set('Content-Type', 'text/csv').send('Phone\n+919800000001\n');
    expect(refused.status).toBe(403);
    const allowed = await createCustomToken(['plugin::whatsapp.candidate-import.import', 'plugin::whatsapp.candidate-import.findOne']);
    const ok = await api(allowed).post('/api/whatsapp/candidates/import').query({ dryRun: 'true' }).set('Content-Type', 'text/csv').send(`Phone,Name\n${uniqueIndianMobile()},${uniqueName('t')}\n`);
    expect(ok.status).toBe(200);
    const anonymous = await api().post('/api/whatsapp/candidates/import').set('Content-Type', 'text/csv').send('Phone\n+919800000001\n');
    expect([401, 403]).toContain(anonymous.status);
  });
});
