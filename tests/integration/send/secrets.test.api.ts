import fs from 'node:fs';
import { api } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';
import {
  adminApi,
  contentApi,
  createCandidate,
  ctx,
  handedToTwilio,
  hasFailed,
  injectFailure,
  sendMessage,
  setLastInbound,
  waitForMessage,
} from './helpers';

/**
 * The auth token (from the environment, saved in the settings, or typed into test-connection)
 * appears in no API response, no log line and no stored error. Every body this suite receives
 * is kept and searched, then the app's whole log so far and the job queue's stored errors.
 */
describe('the Twilio auth token never leaks', () => {
  const savedToken = `saved${Date.now()}tokenvalue0123456789`;
  const typedToken = `typed${Date.now()}tokenvalue9876543210`;
  const secrets = [ctx.twilioAuthToken, savedToken, typedToken];
  // The Basic credentials the SDK sends, should a request object ever be logged whole.
  const basicHeader = Buffer.from(`${ctx.twilioAccountSid}:${ctx.twilioAuthToken}`).toString('base64');
  const bodies: string[] = [];
  const keep = <T extends { text?: string; body: unknown }>(response: T): T => {
    bodies.push(response.text ?? JSON.stringify(response.body));
    return response;
  };

  it('exercises every path that touches the token or Twilio errors', async () => {
    keep(await adminApi().get('/whatsapp/settings'));
    keep(await adminApi().put('/whatsapp/settings').send({ data: { authToken: savedToken } }));
    keep(await adminApi().get('/whatsapp/settings'));
    keep(await adminApi().post('/whatsapp/settings/test-connection').send({}));
    keep(await adminApi().post('/whatsapp/settings/test-connection').send({ data: { authToken: typedToken } }));
    keep(await api(ctx.adminJwt).post('/whatsapp/settings/test-connection').send({ data: { accountSid: 'bad' } }));

    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    const to = `whatsapp:${candidate.phone}`;
    // Twilio refusing the credentials, rate limiting and failing: each error path once.
    await injectFailure({ kind: 'error', code: 20003, to });
    const refused = keep(await sendMessage({ candidate: candidate.documentId, body: 'auth failure' }));
    const failed = await waitForMessage(refused.body.data.documentId, hasFailed);
    expect(failed).toMatchObject({ errorCode: 20003, errorDescription: expect.stringMatching(/Account SID and auth token/) });
    bodies.push(JSON.stringify(failed));

    await injectFailure({ kind: 'http429', to });
    await injectFailure({ kind: 'http500', to });
    await injectFailure({ kind: 'timeoutAfterAccept', to, holdMs: 200 });
    const retried = keep(await sendMessage({ candidate: candidate.documentId, body: 'through every error' }));
    bodies.push(JSON.stringify(await waitForMessage(retried.body.data.documentId, handedToTwilio, 30_000)));

    keep(await contentApi().get('/api/whatsapp/messages').query({ 'filters[to][$eq]': to }));
    keep(await sendMessage({ to: 'not-a-number', body: 'x' }));
    keep(await sendMessage({ candidate: 'nope', body: 'x' }));
    keep(await contentApi().post(`/api/whatsapp/messages/${refused.body.data.documentId}/retry`).send({}));
    expect(bodies.length).toBeGreaterThan(10);
  }, 60_000);

  it('is in no response body', () => {
    for (const body of bodies) {
      for (const secret of secrets) expect(body).not.toContain(secret);
      expect(body).not.toContain(basicHeader);
    }
  });

  it('is in no line the app logged', () => {
    const log = fs.readFileSync(ctx.logFile, 'utf8');
    expect(log).toContain('[whatsapp]');
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toContain(basicHeader);
  });

  it('is in no stored error: messages, status events, job results', async () => {
    const leaks = await withDb(async (client) => {
      const patterns = secrets.map((secret) => `%${secret}%`);
      const result = await client.query(
        `SELECT
           (SELECT count(*)::int FROM plugin_whatsapp_messages
             WHERE error_message LIKE ANY($1) OR last_send_error LIKE ANY($1) OR events::text LIKE ANY($1)) AS messages,
           (SELECT count(*)::int FROM plugin_whatsapp_status_events WHERE payload::text LIKE ANY($1) OR error_message LIKE ANY($1)) AS events,
           (SELECT count(*)::int FROM whatsapp_jobs.job WHERE output::text LIKE ANY($1) OR data::text LIKE ANY($1)) AS jobs`,
        [patterns]
      );
      return result.rows[0];
    });
    expect(leaks).toEqual({ messages: 0, events: 0, jobs: 0 });
  });
});
