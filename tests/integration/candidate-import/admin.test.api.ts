import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { adminApi, api, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';

const BASE = '/whatsapp/candidate-imports';

/** Polls the import until its run has ended. */
const settled = async (id: string) => {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const response = await adminApi().get(`${BASE}/${id}`).expect(200);
    if (!['dry-running', 'importing'].includes(response.body.state)) return response.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the import did not finish');
};

describe('admin candidate import routes', () => {
  it('uploads, guesses the mapping, dry-runs with the mapper\'s choice, pages the report and imports', async () => {
    const [p1, p2] = [uniqueIndianMobile(), uniqueIndianMobile()];
    const csv = `Candidate name,WhatsApp,Batch,Remarks\nLeela,${p1},2026,ok\nBad,999,2026,\nMohan,${p2},2025,late\n`;
    const uploaded = await adminApi().post(BASE).attach('file', Buffer.from(csv), 'batch.csv').expect(201);
    expect(uploaded.body).toMatchObject({
      state: 'uploaded',
      format: 'csv',
      fileName: 'batch.csv',
      headers: ['Candidate name', 'WhatsApp', 'Batch', 'Remarks'],
      samples: [['Leela', p1, '2026', 'ok'], ['Bad', '999', '2026', ''], ['Mohan', p2, '2025', 'late']],
      mapping: { 'Candidate name': 'name', WhatsApp: 'phone', Batch: 'attribute:batch', Remarks: 'attribute:remarks' },
      byteSize: Buffer.byteLength(csv),
    });
    const id = uploaded.body.id as string;

    const mapping = { 'Candidate name': 'name', WhatsApp: 'phone', Batch: 'tags', Remarks: 'ignore' };
    await adminApi().post(`${BASE}/${id}/dry-run`).send({ data: { mapping } }).expect(200);
    const dry = await settled(id);
    expect(dry).toMatchObject({ state: 'dry-run-done', commit: false, mapping, counts: { created: 2, updated: 0, unchanged: 0, invalid: 1 }, rowsProcessed: 3 });
    expect(dry.bytesProcessed).toBe(dry.byteSize);

    const invalid = await adminApi().get(`${BASE}/${id}/rows`).query({ outcome: 'invalid' }).expect(200);
    expect(invalid.body).toMatchObject({ results: [{ row: 3, outcome: 'invalid', phone: null }], pagination: { total: 1, page: 1 } });
    const page2 = await adminApi().get(`${BASE}/${id}/rows`).query({ pageSize: 2, page: 2 }).expect(200);
    expect(page2.body.results.map((row: { row: number }) => row.row)).toEqual([4]);

    // The same import cannot be started twice.
    await adminApi().post(`${BASE}/${id}/commit`).expect(200);
    const second = await adminApi().post(`${BASE}/${id}/commit`);
    if (second.status !== 200) expectStrapiError(second.body, 400, 'ApplicationError');
    const done = await settled(id);
    expect(done).toMatchObject({ state: 'done', commit: true, counts: { created: 2, updated: 0, unchanged: 0, invalid: 1 } });
    const again = await adminApi().post(`${BASE}/${id}/commit`);
    expectStrapiError(again.body, 400, 'ApplicationError');

    const recent = await adminApi().get(BASE).expect(200);
    expect(recent.body.map((item: { id: string }) => item.id)).toContain(id);
    const created = await adminApi().get('/whatsapp/candidates').query({ search: p1.slice(3) }).expect(200);
    expect(JSON.stringify(created.body)).toContain('Leela');
  });

  it('fails a run whose record stopped moving (its app instance went away), so it can be run again', async () => {
    const uploaded = await adminApi().post(BASE).attach('file', Buffer.from(`Phone\n${uniqueIndianMobile()}\n`), 'a.csv').expect(201);
    await withDb((client) =>
      client.query(`UPDATE plugin_whatsapp_candidate_imports SET state = 'importing', updated_at = now() - interval '11 minutes' WHERE document_id = $1`, [uploaded.body.id])
    );
    const stale = await adminApi().get(`${BASE}/${uploaded.body.id}`).expect(200);
    expect(stale.body).toMatchObject({ state: 'failed', error: expect.stringMatching(/went away/) });
    await adminApi().post(`${BASE}/${uploaded.body.id}/dry-run`).expect(200);
    expect(await settled(uploaded.body.id)).toMatchObject({ state: 'dry-run-done', counts: { created: 1 } });
  });

  it('refuses a reader without candidates.manage (403) on every route', async () => {
    const reader = await createAdminWithActions([actionUid('candidatesRead')]);
    const upload = await api(reader).post(BASE).attach('file', Buffer.from('Phone\n+919800000001\n'), 'a.csv');
    expect(upload.status).toBe(403);
    expect((await api(reader).get(BASE)).status).toBe(403);
    const uploaded = await adminApi().post(BASE).attach('file', Buffer.from('Phone\n+919800000001\n'), 'a.csv').expect(201);
    for (const [method, path] of [
      ['get', `${BASE}/${uploaded.body.id}`],
      ['get', `${BASE}/${uploaded.body.id}/rows`],
      ['post', `${BASE}/${uploaded.body.id}/dry-run`],
      ['post', `${BASE}/${uploaded.body.id}/commit`],
    ] as const) {
      expect((await api(reader)[method](path)).status).toBe(403);
    }
  });

  it.each([
    ['no file', () => adminApi().post(BASE).send({}), 400],
    ['an empty file', () => adminApi().post(BASE).attach('file', Buffer.alloc(0), 'e.csv'), 400],
    ['a file of blank lines', () => adminApi().post(BASE).attach('file', Buffer.from('\n\n\n'), 'e.csv'), 400],
    ['a broken workbook', () => adminApi().post(BASE).attach('file', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]), 'x.xlsx'), 400],
  ])('refuses %s with a 400 in Strapi error shape', async (_label, send, status) => {
    const response = await send();
    expect(response.status).toBe(status);
    expectStrapiError(response.body, status, 'ValidationError');
  });

  it('refuses an unknown mapping field, an unknown import and a bad report query', async () => {
    const uploaded = await adminApi().post(BASE).attach('file', Buffer.from('Phone,Name\n+919800000002,A\n'), 'a.csv').expect(201);
    const unknown = await adminApi().post(`${BASE}/${uploaded.body.id}/dry-run`).send({ data: { mapping: { Name: 'nickname' } } });
    expect(unknown.status).toBe(400);
    expectStrapiError(unknown.body, 400, 'ValidationError');
    expect(unknown.body.error.details.errors[0].path).toEqual(['mapping', 'Name']);
    const missing = await adminApi().get(`${BASE}/nope`);
    expectStrapiError(missing.body, 404, 'NotFoundError');
    const badQuery = await adminApi().get(`${BASE}/${uploaded.body.id}/rows`).query({ outcome: 'maybe' });
    expectStrapiError(badQuery.body, 400, 'ValidationError');
  });
});
