import { adminApi, api, contentApi, ctx } from '../helpers/api';

describe('the booted app', () => {
  it('answers its health check', async () => {
    await api().get('/_health').expect(204);
    expect(ctx.bootMs).toBeGreaterThan(0);
  });

  it('lists the five WhatsApp content types in the Content Manager and hides internal ones', async () => {
    const response = await adminApi().get('/content-manager/content-types').expect(200);
    const byUid = new Map<string, { isDisplayed: boolean }>(
      response.body.data.map((type: { uid: string; isDisplayed: boolean }) => [type.uid, type])
    );
    for (const name of ['candidate', 'conversation', 'message', 'template', 'campaign']) {
      expect(byUid.get(`plugin::whatsapp.${name}`)).toMatchObject({ isDisplayed: true });
    }
    expect(byUid.get('plugin::whatsapp.status-event')).toMatchObject({ isDisplayed: false });
    const contract = new Set(['candidate', 'conversation', 'message', 'template', 'campaign'].map((name) => `plugin::whatsapp.${name}`));
    for (const [uid, type] of byUid) {
      if (uid.startsWith('plugin::whatsapp.') && !contract.has(uid)) expect({ uid, isDisplayed: type.isDisplayed }).toEqual({ uid, isDisplayed: false });
    }
  });

  it('keeps draft-and-publish off on every plugin type', async () => {
    const response = await adminApi().get('/content-manager/content-types').expect(200);
    const pluginTypes = response.body.data.filter((type: { uid: string }) => type.uid.startsWith('plugin::whatsapp.'));
    // The five contract types plus internal ones (status events, sync runs, …).
    expect(pluginTypes.length).toBeGreaterThanOrEqual(6);
    for (const type of pluginTypes) expect(type.options.draftAndPublish).toBe(false);
  });

  it('gives the public role no access to any plugin route', async () => {
    for (const path of ['candidates', 'conversations', 'messages', 'templates', 'campaigns']) {
      const response = await api().get(`/api/whatsapp/${path}`);
      expect(response.status).toBe(403);
    }
    await api().post('/api/whatsapp/candidates').send({ data: { phone: '+919876543210' } }).expect(403);
  });

  it('serves the plugin content API to a full-access token', async () => {
    const response = await contentApi().get('/api/whatsapp/candidates').expect(200);
    expect(response.body).toEqual({
      data: expect.any(Array),
      meta: { pagination: expect.objectContaining({ page: 1, pageSize: 25 }) },
    });
  });
});
