import { api, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { adminApi, ctx } from './helpers';

const testConnection = (data?: Record<string, unknown>, token = ctx.adminJwt) =>
  api(token)
    .post('/whatsapp/settings/test-connection')
    .send(data ? { data } : {});

describe('settings: sender kind and the test-connection action', () => {
  it('says the configured sender is not the sandbox', async () => {
    const response = await adminApi().get('/whatsapp/settings').expect(200);
    expect(response.body.data.sender).toEqual({ kind: 'production', sandbox: false, joinInstructions: null });
  });

  it('reaches Twilio (the emulator) with the configured credentials and reports the account', async () => {
    const response = await testConnection();
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      ok: true,
      mode: 'emulator',
      apiBaseUrl: ctx.emulatorUrl,
      account: { sid: ctx.twilioAccountSid, status: 'active', type: 'Full', friendlyName: expect.any(String) },
      warnings: [],
    });
    // Twilio's account resource includes the auth token; none of it may come back.
    expect(JSON.stringify(response.body)).not.toContain(ctx.twilioAuthToken);
    expect(response.body.data.account).not.toHaveProperty('authToken');
  });

  it('tests credentials typed but not saved, and says plainly that Twilio refused them', async () => {
    const wrongToken = 'wrong-token-typed-in-the-form-0123456789';
    const response = await testConnection({ authToken: wrongToken });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      ok: false,
      problem: { code: 'AUTHENTICATION_FAILED', twilioCode: 20003, httpStatus: 401, message: expect.stringMatching(/Account SID and auth token/) },
    });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(wrongToken);
    expect(text).not.toContain(ctx.twilioAuthToken);

    // The configured credentials still work: the wrong ones replaced nothing.
    expect((await testConnection()).body.data.ok).toBe(true);
  });

  it('reports an Account SID Twilio does not know', async () => {
    const response = await testConnection({ accountSid: `AC${'0'.repeat(32)}` });
    expect(response.body.data).toMatchObject({ ok: false, problem: { code: 'AUTHENTICATION_FAILED' } });
  });

  it('refuses a malformed Account SID with a 400 naming the field', async () => {
    const response = await testConnection({ accountSid: 'AC123' });
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    expect(response.body.error.details.errors[0].path).toEqual(['accountSid']);
  });

  it('needs settings.update: a read-only role gets 403', async () => {
    const readOnly = await createAdminWithActions(['plugin::whatsapp.settings.read']);
    const denied = await testConnection(undefined, readOnly);
    expect(denied.status).toBe(403);
    expect((await api().post('/whatsapp/settings/test-connection').send({})).status).toBe(401);
    const editor = await createAdminWithActions(['plugin::whatsapp.settings.update']);
    expect((await testConnection(undefined, editor)).body.data.ok).toBe(true);
  });
});
