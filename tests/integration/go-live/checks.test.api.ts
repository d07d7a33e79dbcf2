import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { GO_LIVE_CHECKS } from '../../../plugins/whatsapp/shared/go-live';
import { apiAt, expectStrapiError } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { DEFAULT_SENDER, SANDBOX, startGoLiveHarness, startHostRewritingProxy, type GoLiveHarness } from './harness';

/** A port nothing listens on: a WHATSAPP_PUBLIC_URL that leads nowhere. */
const deadPort = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('go-live checks (GET /whatsapp/settings/checks)', () => {
  let h: GoLiveHarness;

  beforeAll(async () => {
    h = await startGoLiveHarness('whatsapp_golive');
  }, 180_000);
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(async () => {
    await h.reset();
  });

  describe('the route', () => {
    it('answers every check in launch order, each with a state, a reason and a fix when not ok', async () => {
      const report = await h.report();
      expect(report.checks.map((check) => check.id)).toEqual([...GO_LIVE_CHECKS]);
      for (const check of report.checks) {
        expect(['ok', 'warning', 'failing']).toContain(check.state);
        expect(check.reason.length).toBeGreaterThan(10);
        if (check.state !== 'ok') expect(check.fix).toEqual(expect.any(String));
        expect(new Date(check.checkedAt).getTime()).not.toBeNaN();
      }
      expect(report).toMatchObject({ mode: 'emulator', stage: 'emulator' });
      expect(report.summary.ok + report.summary.warning + report.summary.failing).toBe(GO_LIVE_CHECKS.length);
      // The next step is the first check in launch order that is not ok.
      const firstNotOk = report.checks.find((check) => check.state !== 'ok');
      expect(report.nextStep?.check).toBe(firstNotOk?.id);
    });

    it('runs one check with ?check=<id>', async () => {
      const report = await h.report('credentials');
      expect(report.checks).toHaveLength(1);
      expect(report.checks[0]).toMatchObject({ id: 'credentials', state: 'ok' });
    });

    it('answers 400 for an unknown check or query key, 401 without a session and 403 without settings.read', async () => {
      const unknown = await h.admin().get('/whatsapp/settings/checks').query({ check: 'nope' });
      expect(unknown.status).toBe(400);
      expectStrapiError(unknown.body, 400, 'ValidationError');
      expect((await h.admin().get('/whatsapp/settings/checks').query({ verbose: '1' })).status).toBe(400);
      expect((await apiAt(h.app.url).get('/whatsapp/settings/checks')).status).toBe(401);

      // A role with every other WhatsApp permission but settings.read.
      const login = await apiAt(h.app.url, h.app.adminJwt).post('/admin/roles').send({ name: `no-settings-${Date.now()}`, description: 'x' });
      expect(login.status).toBe(201);
      const roleId = login.body.data.id as number;
      await apiAt(h.app.url, h.app.adminJwt)
        .put(`/admin/roles/${roleId}/permissions`)
        .send({ permissions: [{ action: actionUid('messagesRead'), subject: null, properties: {}, conditions: [] }] })
        .expect(200);
      const email = `golive-${Date.now()}@example.com`;
      const password = 'Golive-secret-1';
      const user = await apiAt(h.app.url, h.app.adminJwt)
        .post('/admin/users')
        .send({ firstname: 'No', lastname: 'Settings', email, roles: [roleId] });
      expect(user.status).toBe(201);
      const registration = await apiAt(h.app.url)
        .post('/admin/register')
        .send({ registrationToken: user.body.data.registrationToken, userInfo: { firstname: 'No', lastname: 'Settings', password } });
      expect(registration.status).toBe(200);
      const session = await apiAt(h.app.url).post('/admin/login').send({ email, password }).expect(200);
      const denied = await apiAt(h.app.url, session.body.data.token).get('/whatsapp/settings/checks');
      expect(denied.status).toBe(403);
      expectStrapiError(denied.body, 403);
    });
  });

  describe('credentials', () => {
    it('is ok for an upgraded account, warning for a trial and failing for a suspended one', async () => {
      expect(await h.check('credentials')).toMatchObject({ state: 'ok', details: { account: { type: 'Full', status: 'active' } } });
      h.emulator.setAccount({ type: 'Trial' });
      const trial = await h.check('credentials');
      expect(trial).toMatchObject({ state: 'warning', details: { account: { type: 'Trial' } } });
      expect(trial.reason).toMatch(/trial account/);
      expect(trial.fix).toMatch(/Upgrade/);
      h.emulator.setAccount({ type: 'Full', status: 'suspended' });
      const suspended = await h.check('credentials');
      expect(suspended).toMatchObject({ state: 'failing', details: { problem: { code: 'ACCOUNT_NOT_ACTIVE' } } });
    });

    it('fails when Twilio refuses the credentials, and the sender check says it waits for them', async () => {
      await h.save({ authToken: 'not-the-right-token-at-all' });
      const report = await h.report();
      const byId = Object.fromEntries(report.checks.map((check) => [check.id, check]));
      expect(byId.credentials).toMatchObject({ state: 'failing', details: { problem: { code: 'AUTHENTICATION_FAILED', twilioCode: 20003 } } });
      expect(byId.credentials!.fix).toMatch(/auth token/);
      expect(byId.sender).toMatchObject({ state: 'failing', details: { blockedBy: 'credentials' } });
      // The token never appears in the answer.
      expect(JSON.stringify(report)).not.toContain('not-the-right-token-at-all');
      expect(JSON.stringify(report)).not.toContain(h.emulator.authToken);
    });

    it('fails with the reason when Twilio answers with an error', async () => {
      h.emulator.injectFailure({ kind: 'http500', on: 'account', status: 503 });
      const check = await h.check('credentials');
      expect(check.state).toBe('failing');
      expect(check.details).toMatchObject({ problem: { httpStatus: 503 } });
    });
  });

  describe('sender', () => {
    it('is ok for a registered, online WhatsApp sender', async () => {
      const check = await h.check('sender');
      expect(check).toMatchObject({ state: 'ok', details: { sandbox: false, number: DEFAULT_SENDER, onAccount: true, whatsappSender: { status: 'ONLINE' } } });
    });

    it('fails for a number the account does not have, and for one not registered for WhatsApp', async () => {
      await h.save({ whatsappNumber: '+15557770001' });
      const missing = await h.check('sender');
      expect(missing).toMatchObject({ state: 'failing', details: { onAccount: false, whatsappSender: null } });
      expect(missing.reason).toMatch(/neither a number nor a WhatsApp sender/);

      h.emulator.addSender({ phoneNumber: '+15557770001', whatsapp: false });
      const smsOnly = await h.check('sender');
      expect(smsOnly).toMatchObject({ state: 'failing', details: { onAccount: true, whatsappSender: null } });
      expect(smsOnly.reason).toMatch(/not registered as a WhatsApp sender/);
    });

    it('fails for a WhatsApp sender that is not online, giving its status', async () => {
      h.emulator.addSender({ phoneNumber: DEFAULT_SENDER, status: 'OFFLINE' });
      const check = await h.check('sender');
      expect(check).toMatchObject({ state: 'failing', details: { whatsappSender: { status: 'OFFLINE' } } });
      expect(check.reason).toMatch(/status is OFFLINE/);
    });

    it('warns that the sandbox is not a sender of your own', async () => {
      await h.save({ whatsappNumber: SANDBOX });
      const check = await h.check('sender');
      expect(check).toMatchObject({ state: 'warning', details: { sandbox: true, number: SANDBOX } });
      expect(check.fix).toMatch(/Register your own WhatsApp sender/);
    });

    it('lists a Messaging Service’s senders; fails for an unknown service or one without WhatsApp', async () => {
      const service = h.emulator.addService({
        friendlyName: 'Placement cell',
        inboundRequestUrl: h.webhookUrl,
        phoneNumbers: [DEFAULT_SENDER],
        senders: [`whatsapp:${DEFAULT_SENDER}`],
      });
      await h.save({ messagingServiceSid: service.sid });
      const ok = await h.check('sender');
      expect(ok).toMatchObject({
        state: 'ok',
        details: { messagingServiceSid: service.sid, senders: [{ sender: `whatsapp:${DEFAULT_SENDER}`, type: 'WhatsApp' }], phoneNumbers: [DEFAULT_SENDER] },
      });
      expect(ok.reason).toContain(`whatsapp:${DEFAULT_SENDER}`);

      const smsService = h.emulator.addService({ friendlyName: 'SMS only', phoneNumbers: [DEFAULT_SENDER] });
      await h.save({ messagingServiceSid: smsService.sid });
      const noWhatsApp = await h.check('sender');
      expect(noWhatsApp.state).toBe('failing');
      expect(noWhatsApp.reason).toMatch(/no WhatsApp sender in its pool/);

      await h.save({ messagingServiceSid: `MG${'1'.repeat(32)}` });
      const unknown = await h.check('sender');
      expect(unknown.state).toBe('failing');
      expect(unknown.reason).toMatch(/does not know the Messaging Service/);
    });

    it('fails with Twilio’s reason when the lookup fails', async () => {
      h.emulator.injectFailure({ kind: 'http500', on: 'numbers' });
      const check = await h.check('sender');
      expect(check.state).toBe('failing');
      expect(check.reason).toMatch(/could not be asked/);
    });
  });

  describe('webhook at Twilio', () => {
    it('is ok when the sender’s incoming URL is this app’s webhook', async () => {
      const check = await h.check('webhook');
      expect(check).toMatchObject({ state: 'ok', details: { expected: h.webhookUrl, configured: { url: h.webhookUrl, method: 'POST' } } });
    });

    it('fails when no URL is set, saying what to paste where', async () => {
      h.emulator.configure({ inboundWebhookUrl: null });
      const check = await h.check('webhook');
      expect(check.state).toBe('failing');
      expect(check.reason).toMatch(/No incoming-message URL is set/);
      expect(check.fix).toContain(`Paste ${h.webhookUrl} into the WhatsApp sender ${DEFAULT_SENDER}`);
    });

    it('names the exact mismatch when Twilio posts elsewhere, and refuses GET', async () => {
      h.emulator.addSender({ phoneNumber: DEFAULT_SENDER, webhookUrl: 'https://old.example.com/api/whatsapp/webhook' });
      const elsewhere = await h.check('webhook');
      expect(elsewhere.state).toBe('failing');
      const port = new URL(h.app.url).port;
      expect(elsewhere.reason).toContain('the scheme differs (this app: http, Twilio: https)');
      expect(elsewhere.reason).toContain('the host differs (this app: 127.0.0.1, Twilio: old.example.com)');
      expect(elsewhere.reason).toContain(`the port differs (this app: ${port}, Twilio: 443)`);
      expect(elsewhere.details).toMatchObject({ differences: expect.arrayContaining([{ part: 'host', expected: '127.0.0.1', actual: 'old.example.com' }]) });

      h.emulator.addSender({ phoneNumber: DEFAULT_SENDER, webhookUrl: h.webhookUrl, webhookMethod: 'GET' });
      const get = await h.check('webhook');
      expect(get.state).toBe('failing');
      expect(get.reason).toMatch(/HTTP GET/);
    });

    it('reads a Messaging Service’s own Request URL when the service handles incoming messages', async () => {
      const service = h.emulator.addService({ friendlyName: 'Cell', inboundRequestUrl: `${h.app.url}/hooks/wa`, senders: [`whatsapp:${DEFAULT_SENDER}`] });
      await h.save({ messagingServiceSid: service.sid });
      const check = await h.check('webhook');
      expect(check.state).toBe('failing');
      expect(check.reason).toContain('the path differs (this app: /api/whatsapp/webhook, Twilio: /hooks/wa)');
      expect(check.fix).toContain('Messaging Service "Cell"');
    });

    it('cannot read the sandbox’s webhook: a warning with what to paste where', async () => {
      await h.save({ whatsappNumber: SANDBOX });
      const check = await h.check('webhook');
      expect(check.state).toBe('warning');
      expect(check.fix).toContain(`Paste ${h.webhookUrl} into Messaging › Try it out › Send a WhatsApp message › Sandbox settings`);
      expect(check.links).toEqual(expect.arrayContaining([expect.objectContaining({ url: expect.stringContaining('whatsapp-sandbox') })]));
    });
  });

  describe('public URL', () => {
    it('is ok when a signed probe comes back to this app and validates', async () => {
      const check = await h.check('public-url');
      expect(check).toMatchObject({ state: 'ok', details: { publicUrl: h.app.url, probe: { kind: 'ok', checkedUrl: `${h.app.url}/api/whatsapp/webhook/probe` } } });
    });

    it('fails for a wrong WHATSAPP_PUBLIC_URL where nothing answers', async () => {
      const wrong = `http://127.0.0.1:${await deadPort()}`;
      await h.save({ publicUrl: wrong });
      const check = await h.check('public-url');
      expect(check).toMatchObject({ state: 'failing', details: { probe: { kind: 'unreachable', error: 'ECONNREFUSED' } } });
      expect(check.reason).toContain(`Nothing answered a probe posted to ${wrong}/api/whatsapp/webhook/probe (ECONNREFUSED)`);
    });

    it('fails for a WHATSAPP_PUBLIC_URL that reaches another server', async () => {
      await h.save({ publicUrl: h.emulator.url });
      const check = await h.check('public-url');
      expect(check).toMatchObject({ state: 'failing', details: { probe: { kind: 'not-this-app' } } });
      expect(check.reason).toMatch(/but not by this app/);
    });

    it('refuses a probe that is not this app’s own, telling nothing', async () => {
      const response = await apiAt(h.app.url)
        .post('/api/whatsapp/webhook/probe')
        .type('form')
        .send({ GoLiveProbe: `${Date.now()}.abc` });
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain('checkedUrl');
    });

    describe('behind a reverse proxy that rewrites the Host header', () => {
      let proxy: Awaited<ReturnType<typeof startHostRewritingProxy>>;
      beforeAll(async () => {
        proxy = await startHostRewritingProxy(h.app.url);
      });
      afterAll(() => proxy.close());

      it('names the mismatch when WHATSAPP_PUBLIC_URL is not set and Twilio posts through the proxy', async () => {
        await h.save({ publicUrl: '' });
        h.emulator.configure({ inboundWebhookUrl: `${proxy.url}/api/whatsapp/webhook` });
        const check = await h.check('public-url');
        const appPort = new URL(h.app.url).port;
        expect(check).toMatchObject({
          state: 'failing',
          details: {
            publicUrl: null,
            probed: proxy.url,
            probe: {
              kind: 'signature-mismatch',
              url: `${proxy.url}/api/whatsapp/webhook/probe`,
              checkedUrl: `${h.app.url}/api/whatsapp/webhook/probe`,
              differences: [
                { part: 'host', expected: 'localhost', actual: '127.0.0.1' },
                { part: 'port', expected: String(proxy.port), actual: appPort },
              ],
            },
          },
        });
        expect(check.reason).toContain(`the host differs (Twilio: localhost, app: 127.0.0.1); the port differs (Twilio: ${proxy.port}, app: ${appPort})`);
        expect(check.fix).toBe(`Set WHATSAPP_PUBLIC_URL=${proxy.url} (the address Twilio posts to).`);
      });

      it('validates through the proxy once WHATSAPP_PUBLIC_URL is its address, noting the rewrite', async () => {
        await h.save({ publicUrl: proxy.url });
        const check = await h.check('public-url');
        expect(check).toMatchObject({ state: 'ok', details: { probe: { kind: 'ok', receivedUrl: `${h.app.url}/api/whatsapp/webhook/probe` } } });
        expect(check.reason).toMatch(/rewrites the request \(the host differs \(public: localhost, as received: 127\.0\.0\.1\)/);
      });
    });

    it('fails when WHATSAPP_PUBLIC_URL is not set and there is nothing to probe', async () => {
      await h.save({ publicUrl: '' });
      h.emulator.configure({ inboundWebhookUrl: null });
      const report = await h.report();
      const byId = Object.fromEntries(report.checks.map((check) => [check.id, check]));
      expect(byId['public-url']).toMatchObject({ state: 'failing', details: { publicUrl: null, probe: null } });
      expect(byId['public-url']!.fix).toMatch(/Set WHATSAPP_PUBLIC_URL to the HTTPS address/);
      expect(byId.webhook!.state).toBe('failing');
      expect(byId['status-callbacks']!.state).toBe('failing');
    });
  });

  describe('templates', () => {
    it('counts approved, pending and rejected templates with the last sync time', async () => {
      const none = await h.check('templates');
      expect(none).toMatchObject({ state: 'warning', details: { approved: 0, pending: 0, rejected: 0, lastSyncedAt: null } });
      h.emulator.seedContent({ friendlyName: 'welcome_a', body: 'Hello {{1}}', approval: { status: 'approved' } });
      h.emulator.seedContent({ friendlyName: 'welcome_b', body: 'Hi {{1}}', approval: { status: 'pending' } });
      h.emulator.seedContent({ friendlyName: 'welcome_c', body: 'Hey {{1}}', approval: { status: 'rejected', rejectionReason: 'too promotional' } });
      await h.admin().post('/whatsapp/templates/sync').expect((response) => expect([200, 201, 202]).toContain(response.status));
      const synced = await waitFor(() => h.check('templates'), (check) => check.details.lastSyncedAt !== null);
      expect(synced).toMatchObject({ state: 'ok', details: { approved: 1, pending: 1, rejected: 1 } });
      expect(synced.reason).toMatch(/1 approved, 1 pending, 1 rejected; last synced from Twilio at /);
    });
  });

  describe('sandbox and status callbacks, from real sends', () => {
    const inboundFrom = async (number: string, to: string) => {
      const result = await h.emulator.sendInbound({ from: number, to, body: 'hello', url: h.webhookUrl });
      expect(result.status).toBe(200);
    };
    const send = async (to: string) => {
      const response = await h.admin().post('/whatsapp/messages').send({ data: { to, body: 'Interview on Friday' } });
      expect(response.status).toBe(201);
      return response.body.data.documentId as string;
    };
    const settled = (documentIds: string[], statuses: string[]) =>
      waitFor(
        () => h.sql<{ status: string; error_code: number | null }>(`SELECT status, error_code FROM plugin_whatsapp_messages WHERE document_id = ANY($1)`, [documentIds]),
        (rows) => rows.length === documentIds.length && rows.every((row) => statuses.includes(row.status)),
        30_000
      );
    // Sends younger than a minute may still be waiting for their first callback and are not judged.
    const age = (documentIds: string[]) =>
      h.sql(`UPDATE plugin_whatsapp_messages SET created_at = created_at - interval '5 minutes' WHERE document_id = ANY($1)`, [documentIds]);

    it('counts 63015 failures of a sandbox sender, with the join instructions', async () => {
      h.emulator.configure({ sandboxJoinRequired: true });
      await h.save({ whatsappNumber: SANDBOX });
      const joined = uniqueIndianMobile();
      const strangers = [uniqueIndianMobile(), uniqueIndianMobile()];
      h.emulator.joinSandbox(joined);
      for (const number of [joined, ...strangers]) await inboundFrom(number, `whatsapp:${SANDBOX}`);
      const before = await h.check('sandbox');
      const ids = [await send(joined), await send(strangers[0]!), await send(strangers[1]!)];
      const rows = await settled(ids, ['failed', 'read']);
      expect(rows.filter((row) => row.error_code === 63015)).toHaveLength(2);

      const check = await h.check('sandbox');
      expect(check).toMatchObject({
        state: 'warning',
        details: { inSandbox: true, failures: (before.details.failures as number) + 2, recipients: (before.details.recipients as number) + 2 },
      });
      expect(check.reason).toMatch(/failed with error 63015/);
      expect(check.fix).toMatch(/join <your sandbox code>/);
      const report = await h.report();
      expect(report.stage).toBe('emulator');
    });

    it('reports status callbacks arriving, then missing when Twilio cannot post them', async () => {
      const candidate = uniqueIndianMobile();
      await inboundFrom(candidate, `whatsapp:${DEFAULT_SENDER}`);
      const delivered = [await send(candidate), await send(candidate)];
      await settled(delivered, ['read']);
      await age(delivered);
      const arriving = await h.check('status-callbacks');
      expect(arriving.state).toBe('ok');
      expect(arriving.details).toMatchObject({ withoutCallback: 0, lastCallbackAt: expect.any(String) });
      expect(arriving.details.recentSends as number).toBeGreaterThanOrEqual(2);

      // Twilio accepts the sends but cannot reach the callback URL.
      h.emulator.configure({ callbacks: false });
      const lost = [await send(candidate), await send(candidate), await send(candidate), await send(candidate)];
      await waitFor(
        () => h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM plugin_whatsapp_messages WHERE document_id = ANY($1) AND twilio_sid IS NOT NULL`, [lost]),
        (rows) => rows[0]!.n === lost.length
      );
      await age(lost);
      const missing = await h.check('status-callbacks');
      expect(missing.details).toMatchObject({ withoutCallback: 4 });
      expect(missing.state).toBe((missing.details.recentSends as number) <= 8 ? 'failing' : 'warning');
      expect(missing.reason).toMatch(/4 of the last \d+ sends \(\d+%\) have no status callback yet/);
    });
  });
});
