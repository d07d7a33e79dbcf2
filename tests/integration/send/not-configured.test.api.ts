import request from 'supertest';
import { startIsolatedApp, type IsolatedApp } from '../setup/isolated-app';
import { uniqueIndianMobile } from '../helpers/data';

/**
 * A second app with no Twilio credentials and no emulator (on its own database, so nothing
 * saved by other suites leaks in): sending is refused before anything is written.
 */
describe('an app with no Twilio credentials and no emulator', () => {
  let app: IsolatedApp;
  let token: string;
  let adminJwt: string;

  beforeAll(async () => {
    app = await startIsolatedApp('whatsapp_noconf', {
      TWILIO_ACCOUNT_SID: '',
      TWILIO_AUTH_TOKEN: '',
      TWILIO_API_BASE_URL: '',
      TWILIO_CONTENT_BASE_URL: '',
      TWILIO_WHATSAPP_NUMBER: 'whatsapp:+15005550006',
      TWILIO_MESSAGING_SERVICE_SID: '',
      WHATSAPP_EMULATOR: '',
    });
    token = app.fullAccessToken;
    adminJwt = app.adminJwt;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('answers a send with 422 NOT_CONFIGURED and writes nothing', async () => {
    const response = await request(app.url)
      .post('/api/whatsapp/messages')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { to: uniqueIndianMobile(), body: 'Hello' } });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ status: 422, details: { code: 'NOT_CONFIGURED' } });
    expect(response.body.error.message).toMatch(/TWILIO_ACCOUNT_SID/);
    // A project that installs the plugin has no emulator: the error names only what it can set.
    expect(response.body.error.message).toMatch(/TWILIO_AUTH_TOKEN.*Settings → WhatsApp/);
    expect(response.body.error.message).not.toMatch(/emulator/i);
    const messages = await request(app.url).get('/api/whatsapp/messages').set('Authorization', `Bearer ${token}`).expect(200);
    expect(messages.body.data).toEqual([]);
  });

  it('reports unconfigured settings, and a test connection says what to enter', async () => {
    const settings = await request(app.url).get('/whatsapp/settings').set('Authorization', `Bearer ${adminJwt}`).expect(200);
    expect(settings.body.data).toMatchObject({ mode: 'unconfigured', authTokenSet: false });
    const tested = await request(app.url)
      .post('/whatsapp/settings/test-connection')
      .set('Authorization', `Bearer ${adminJwt}`)
      .send({})
      .expect(200);
    expect(tested.body.data).toMatchObject({ ok: false, mode: 'unconfigured', problem: { code: 'NOT_CONFIGURED' } });
  });
});
