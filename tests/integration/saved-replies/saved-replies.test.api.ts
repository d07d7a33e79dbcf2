import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { adminApi, api, contentApi, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueName } from '../helpers/data';

const shortcutOf = (prefix: string) => uniqueName(prefix).toLowerCase().replace(/[^a-z0-9_-]/g, '-').slice(0, 40);

describe('saved replies: admin routes', () => {
  it('creates, lists, updates and deletes a saved reply (shortcut written as typed, stored in one form)', async () => {
    const shortcut = shortcutOf('welcome');
    const created = await adminApi()
      .post('/whatsapp/saved-replies')
      .send({ data: { shortcut: `/${shortcut.toUpperCase()} `, text: 'Hi {{candidate.firstName}}, welcome to {{candidate.attributes.city}}!' } })
      .expect(201);
    expect(created.body.data).toEqual({
      documentId: expect.any(String),
      shortcut,
      text: 'Hi {{candidate.firstName}}, welcome to {{candidate.attributes.city}}!',
      updatedAt: expect.any(String),
    });
    const id = created.body.data.documentId as string;

    const listed = await adminApi().get('/whatsapp/saved-replies').expect(200);
    expect(listed.body.data.map((reply: { shortcut: string }) => reply.shortcut)).toContain(shortcut);
    const searched = await adminApi().get(`/whatsapp/saved-replies?search=${shortcut.slice(0, 12)}`).expect(200);
    expect(searched.body.data.map((reply: { documentId: string }) => reply.documentId)).toContain(id);

    const updated = await adminApi().put(`/whatsapp/saved-replies/${id}`).send({ data: { text: 'Hello {{candidate.name}}' } }).expect(200);
    expect(updated.body.data).toMatchObject({ documentId: id, shortcut, text: 'Hello {{candidate.name}}' });

    await adminApi().delete(`/whatsapp/saved-replies/${id}`).expect(200);
    expectStrapiError((await adminApi().delete(`/whatsapp/saved-replies/${id}`).expect(404)).body, 404);
    expect((await adminApi().get('/whatsapp/saved-replies').expect(200)).body.data.map((reply: { documentId: string }) => reply.documentId)).not.toContain(id);
  });

  it('refuses bad input with a 400 naming the field: shortcut form, unknown placeholders, empty or too long text, unknown fields', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ shortcut: 'two words', text: 'Hi' }, 'shortcut'],
      [{ shortcut: '', text: 'Hi' }, 'shortcut'],
      [{ shortcut: shortcutOf('x'), text: 'Hi {{candidate.nmae}}' }, 'text'],
      [{ shortcut: shortcutOf('x'), text: 'Hi {{1}}' }, 'text'],
      [{ shortcut: shortcutOf('x'), text: '   ' }, 'text'],
      [{ shortcut: shortcutOf('x'), text: 'x'.repeat(1601) }, 'text'],
      [{ shortcut: shortcutOf('x'), text: 'Hi', extra: true }, ''],
    ];
    for (const [data, field] of bad) {
      const response = await adminApi().post('/whatsapp/saved-replies').send({ data }).expect(400);
      expectStrapiError(response.body, 400, 'ValidationError');
      if (field) expect(response.body.error.details.errors[0].path).toEqual([field]);
    }
    expectStrapiError((await adminApi().post('/whatsapp/saved-replies').send({ shortcut: 'a', text: 'b' }).expect(400)).body, 400);
  });

  it('keeps shortcuts unique', async () => {
    const shortcut = shortcutOf('dup');
    await adminApi().post('/whatsapp/saved-replies').send({ data: { shortcut, text: 'one' } }).expect(201);
    const again = await adminApi().post('/whatsapp/saved-replies').send({ data: { shortcut: shortcut.toUpperCase(), text: 'two' } });
    expect([400, 409]).toContain(again.status);
    expect(again.body.error.details.errors[0].path).toEqual(['shortcut']);
  });

  it('lets the composer read them (messages.read) and only saved-replies.manage change them', async () => {
    const reader = await createAdminWithActions([actionUid('messagesRead')]);
    const manager = await createAdminWithActions([actionUid('savedRepliesManage')]);
    const outsider = await createAdminWithActions([actionUid('templatesRead')]);
    await api(reader).get('/whatsapp/saved-replies').expect(200);
    await api(manager).get('/whatsapp/saved-replies').expect(200);
    expectStrapiError((await api(outsider).get('/whatsapp/saved-replies').expect(403)).body, 403);
    expectStrapiError((await api(reader).post('/whatsapp/saved-replies').send({ data: { shortcut: shortcutOf('r'), text: 'no' } }).expect(403)).body, 403);
    const created = await api(manager).post('/whatsapp/saved-replies').send({ data: { shortcut: shortcutOf('m'), text: 'yes' } }).expect(201);
    expectStrapiError((await api(reader).delete(`/whatsapp/saved-replies/${created.body.data.documentId}`).expect(403)).body, 403);
    await api(manager).delete(`/whatsapp/saved-replies/${created.body.data.documentId}`).expect(200);
  });
});

describe('saved replies: REST (content API)', () => {
  it('offers Strapi’s collection routes with the same rules', async () => {
    const shortcut = shortcutOf('rest');
    const created = await contentApi().post('/api/whatsapp/saved-replies').send({ data: { shortcut, text: 'Dear {{candidate.name}}' } }).expect(201);
    const id = created.body.data.documentId as string;
    expect(created.body.data).toMatchObject({ shortcut, text: 'Dear {{candidate.name}}' });
    const found = await contentApi().get(`/api/whatsapp/saved-replies?filters[shortcut][$eq]=${shortcut}`).expect(200);
    expect(found.body.data.map((reply: { documentId: string }) => reply.documentId)).toEqual([id]);
    await contentApi().get(`/api/whatsapp/saved-replies/${id}`).expect(200);
    const updated = await contentApi().put(`/api/whatsapp/saved-replies/${id}`).send({ data: { text: 'Hello {{candidate.attributes.city}}' } }).expect(200);
    expect(updated.body.data.text).toBe('Hello {{candidate.attributes.city}}');
    expectStrapiError((await contentApi().put(`/api/whatsapp/saved-replies/${id}`).send({ data: { text: 'Hi {{candidate.nope}}' } }).expect(400)).body, 400, 'ValidationError');
    expectStrapiError((await contentApi().post('/api/whatsapp/saved-replies').send({ data: { shortcut: 'Bad Shortcut', text: 'x' } }).expect(400)).body, 400, 'ValidationError');
    await contentApi().delete(`/api/whatsapp/saved-replies/${id}`).expect(204);
    await contentApi().get(`/api/whatsapp/saved-replies/${id}`).expect(404);
    // Not public.
    await api().get('/api/whatsapp/saved-replies').expect(403);
  });
});
