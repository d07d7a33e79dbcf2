import { adminApi, api, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { createCustomToken } from '../helpers/tokens';
import { requestSync, sentMessage, silenceEmulator, waitForRun } from './helpers';

describe('status sync: permissions and input', () => {
  let restoreEmulator: () => Promise<void>;
  let message: Awaited<ReturnType<typeof sentMessage>>;

  beforeAll(async () => {
    restoreEmulator = await silenceEmulator();
    message = await sentMessage();
  });

  afterAll(async () => {
    await restoreEmulator();
  });

  it('refuses the public and tokens without the sync permissions (403), and allows a token that has them', async () => {
    expectStrapiError((await requestSync({ messages: [message.documentId] }, '')).body, 403);
    expect((await api().get('/api/whatsapp/sync-status')).status).toBe(403);

    const readMessages = await createCustomToken(['plugin::whatsapp.message.find', 'plugin::whatsapp.message.findOne']);
    const denied = await requestSync({ messages: [message.documentId] }, readMessages);
    expect(denied.status).toBe(403);
    expectStrapiError(denied.body, 403, 'ForbiddenError');
    expect((await api(readMessages).get('/api/whatsapp/sync-status')).status).toBe(403);

    const overviewOnly = await createCustomToken(['plugin::whatsapp.status-sync.find']);
    await api(overviewOnly).get('/api/whatsapp/sync-status').expect(200);
    expect((await requestSync({ messages: [message.documentId] }, overviewOnly)).status).toBe(403);

    const syncer = await createCustomToken(['plugin::whatsapp.status-sync.start', 'plugin::whatsapp.status-sync.findOne']);
    const started = await requestSync({ messages: [message.documentId] }, syncer);
    expect(started.status).toBe(202);
    const run = await api(syncer).get(`/api/whatsapp/sync-status/${started.body.data.runId}`).expect(200);
    expect(run.body.data).toMatchObject({ id: started.body.data.runId, trigger: 'manual' });
    await waitForRun(started.body.data.runId);
  });

  it('checks the admin RBAC actions on the admin routes: sync.run to request, messages.read to look', async () => {
    const reader = await createAdminWithActions(['plugin::whatsapp.messages.read']);
    const overview = await api(reader).get('/whatsapp/sync-status').expect(200);
    expect(overview.body.data).toEqual(expect.objectContaining({ runs: expect.any(Array), awaitingFinal: expect.any(Number) }));
    const denied = await api(reader).post('/whatsapp/sync-status').send({ data: { messages: [message.documentId] } });
    expect(denied.status).toBe(403);

    const syncOnly = await createAdminWithActions(['plugin::whatsapp.sync.run']);
    expect((await api(syncOnly).get('/whatsapp/sync-status')).status).toBe(403);
    const started = await api(syncOnly).post('/whatsapp/sync-status').send({ data: { messages: [message.documentId] } });
    expect(started.status).toBe(202);
    expect(started.body.data).toMatchObject({ runId: expect.any(String), trigger: 'manual' });
    await waitForRun(started.body.data.runId);

    const superAdmin = await adminApi().get(`/whatsapp/sync-status/${started.body.data.runId}`).expect(200);
    expect(superAdmin.body.data).toMatchObject({ id: started.body.data.runId, state: 'completed', total: 1 });
  });

  it.each([
    [{ messages: [] }, ['messages']],
    [{ messages: 'abc' }, ['messages']],
    [{ campaign: '' }, ['campaign']],
    [{ messages: ['x'], campaign: 'y' }, ['campaign']],
    [{ everything: true }, []],
  ])('answers 400 in Strapi’s shape for %j', async (data, path) => {
    const response = await requestSync(data);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    expect(response.body.error.details.errors[0].path).toEqual(path);
  });

  it('answers 400 for a body without data, and for ids that do not exist', async () => {
    const noData = await requestSync(undefined).send({ messages: [message.documentId] });
    expect(noData.status).toBe(400);
    expect(noData.body.error.details.errors[0].path).toEqual(['data']);

    const unknownMessage = await requestSync({ messages: [message.documentId, 'nosuchmessage000000000000'] });
    expect(unknownMessage.status).toBe(400);
    expect(unknownMessage.body.error.details.errors[0]).toMatchObject({ path: ['messages', '1'], message: 'No message with this id' });

    const unknownCampaign = await requestSync({ campaign: 'nosuchcampaign00000000000' });
    expect(unknownCampaign.status).toBe(400);
    expect(unknownCampaign.body.error.details.errors[0]).toMatchObject({ path: ['campaign'], message: 'No campaign with this id' });
  });

  it('answers 404 for a run that does not exist', async () => {
    const response = await adminApi().get('/whatsapp/sync-status/nosuchrun0000000000000000');
    expect(response.status).toBe(404);
    expectStrapiError(response.body, 404, 'NotFoundError');
  });
});
