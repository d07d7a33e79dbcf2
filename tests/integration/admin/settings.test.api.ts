import fs from 'node:fs';
import { adminApi, api, contentApi, ctx, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { withDb } from '../helpers/db';

const saveSettings = (data: Record<string, unknown>) => adminApi().put('/whatsapp/settings').send({ data });

describe('admin settings: environment, then saved values, then defaults', () => {
  afterAll(async () => {
    // Leave the shared app as the other suites expect it.
    await saveSettings({ defaultCountry: 'IN', mps: 80 });
  });

  it('reports each value and where it came from, never the auth token', async () => {
    const response = await adminApi().get('/whatsapp/settings').expect(200);
    const settings = response.body.data;
    expect(settings).toMatchObject({
      accountSid: ctx.twilioAccountSid,
      whatsappNumber: ctx.whatsappNumber,
      publicUrl: ctx.publicUrl,
      apiBaseUrl: ctx.emulatorUrl,
      authTokenSet: true,
      mode: 'emulator',
    });
    expect(settings.sources).toMatchObject({ accountSid: 'env', authToken: 'env', whatsappNumber: 'env' });
    expect(settings.envLocked).toEqual(expect.arrayContaining(['accountSid', 'authToken', 'whatsappNumber', 'publicUrl']));
    expect(settings).not.toHaveProperty('authToken');
    expect(JSON.stringify(response.body)).not.toContain(ctx.twilioAuthToken);
  });

  it('uses a saved value where the environment is silent, and the environment where it is not', async () => {
    const saved = await saveSettings({ whatsappNumber: '+14155238886', mps: 12, defaultCountry: 'GB' }).expect(200);
    expect(saved.body.data.whatsappNumber).toBe(ctx.whatsappNumber);
    expect(saved.body.data.sources.whatsappNumber).toBe('env');
    expect(saved.body.data).toMatchObject({ mps: 12, defaultCountry: 'GB' });
    expect(saved.body.data.sources).toMatchObject({ mps: 'saved', defaultCountry: 'saved' });

    // The saved country is what reads a number written without "+".
    const candidate = await contentApi()
      .post('/api/whatsapp/candidates')
      .send({ data: { phone: `07${String(Date.now()).slice(-9)}` } });
    expect(candidate.status).toBe(201);
    expect(candidate.body.data.phone).toMatch(/^\+447\d{9}$/);
  });

  it('falls back to the defaults for values neither set nor saved', async () => {
    await withDb((client) =>
      client.query(`DELETE FROM strapi_core_store_settings WHERE key = 'plugin_whatsapp_settings'`)
    );
    // The settings cache lives 5 s; saving through the API clears it, so save an empty update.
    const response = await saveSettings({}).expect(200);
    expect(response.body.data).toMatchObject({ mps: 80, defaultCountry: 'IN' });
    expect(response.body.data.sources).toMatchObject({ mps: 'default', defaultCountry: 'default', messagingServiceSid: 'default' });
  });

  it('stores a saved auth token encrypted and never returns it', async () => {
    const token = 'f'.repeat(8) + 'saved-token-value-123';
    const response = await saveSettings({ authToken: token }).expect(200);
    expect(JSON.stringify(response.body)).not.toContain(token);
    const stored = await withDb(async (client) => {
      const result = await client.query(`SELECT value FROM strapi_core_store_settings WHERE key = 'plugin_whatsapp_settings'`);
      return String(result.rows[0]?.value ?? '');
    });
    expect(stored).toContain('authTokenEncrypted');
    expect(stored).not.toContain(token);
    const read = await adminApi().get('/whatsapp/settings').expect(200);
    expect(JSON.stringify(read.body)).not.toContain(token);
    expect(fs.readFileSync(ctx.logFile, 'utf8')).not.toContain(token);
  });

  it.each([
    [{ accountSid: 'XX123' }, 'accountSid'],
    [{ messagingServiceSid: 'MG1' }, 'messagingServiceSid'],
    [{ mps: -3 }, 'mps'],
    [{ defaultCountry: 'India' }, 'defaultCountry'],
    [{ publicUrl: 'not a url' }, 'publicUrl'],
  ])('refuses %j with a 400 naming the field', async (data, field) => {
    const response = await saveSettings(data);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    expect(response.body.error.details.errors[0].path).toEqual([field]);
  });

  it('refuses an unknown setting', async () => {
    const response = await saveSettings({ colour: 'green' });
    expect(response.status).toBe(400);
  });
});

describe('admin settings RBAC', () => {
  it('needs an admin session', async () => {
    const response = await api().get('/whatsapp/settings');
    expect(response.status).toBe(401);
  });

  it('checks settings.read and settings.update on the server', async () => {
    const noRights = await createAdminWithActions(['plugin::whatsapp.messages.read']);
    const denied = await api(noRights).get('/whatsapp/settings');
    expect(denied.status).toBe(403);
    expectStrapiError(denied.body, 403);

    const readOnly = await createAdminWithActions(['plugin::whatsapp.settings.read']);
    await api(readOnly).get('/whatsapp/settings').expect(200);
    const write = await api(readOnly).put('/whatsapp/settings').send({ data: { mps: 5 } });
    expect(write.status).toBe(403);
  });
});
