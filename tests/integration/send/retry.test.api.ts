import { api, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import {
  adminApi,
  approvedTemplate,
  contentApi,
  createCandidate,
  emulatorMessagesTo,
  getMessage,
  handedToTwilio,
  hasFailed,
  injectFailure,
  sendMessage,
  setLastInbound,
  waitForMessage,
} from './helpers';

const retry = (documentId: string) => contentApi().post(`/api/whatsapp/messages/${documentId}/retry`).send({});

/** A message that Twilio refused (21211) and that is now failed. */
const failedMessage = async (data?: (candidateDocumentId: string) => Record<string, unknown>) => {
  const candidate = await createCandidate({ phone: uniqueIndianMobile() });
  await setLastInbound(candidate.documentId);
  await injectFailure({ kind: 'error', code: 21211, to: `whatsapp:${candidate.phone}` });
  const response = await sendMessage(data ? data(candidate.documentId) : { candidate: candidate.documentId, body: 'First try' });
  expect(response.status).toBe(201);
  const failed = await waitForMessage(response.body.data.documentId, hasFailed);
  return { candidate, failed };
};

describe('POST /api/whatsapp/messages/:id/retry', () => {
  it('sends a failed message again as a new message linked by retryOf; the original keeps its failure', async () => {
    const { candidate, failed } = await failedMessage();

    const response = await retry(failed.documentId as string);
    expect(response.status).toBe(201);
    const again = response.body.data;
    expect(again).toMatchObject({ status: 'pending', body: 'First try', to: `whatsapp:${candidate.phone}`, errorCode: null });
    expect(again.documentId).not.toBe(failed.documentId);

    const sent = await waitForMessage(again.documentId, handedToTwilio);
    const withLink = await getMessage(again.documentId, { populate: 'retryOf' });
    expect(withLink.retryOf).toMatchObject({ documentId: failed.documentId, status: 'failed', errorCode: 21211 });

    const original = await getMessage(failed.documentId as string);
    expect(original).toMatchObject({ status: 'failed', errorCode: 21211, twilioSid: null, errorDescription: expect.any(String) });
    expect((await emulatorMessagesTo(candidate.phone)).map((m) => m.sid)).toEqual([sent.twilioSid]);
  });

  it('retries a template message with its template and variables', async () => {
    const template = await approvedTemplate();
    const { candidate, failed } = await failedMessage((candidateDocumentId) => ({
      candidate: candidateDocumentId,
      template: template.documentId,
      variables: { '1': 'Ravi', '2': 'Friday' },
    }));
    const response = await retry(failed.documentId as string);
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ body: null, variables: { '1': 'Ravi', '2': 'Friday' } });
    await waitForMessage(response.body.data.documentId, handedToTwilio);
    const [atTwilio] = await emulatorMessagesTo(candidate.phone);
    expect(atTwilio).toMatchObject({ contentSid: template.contentSid, contentVariables: { '1': 'Ravi', '2': 'Friday' } });
  });

  it('retries an undelivered message too', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    const sent = await sendMessage({ candidate: candidate.documentId, body: 'Lost on the way' });
    const accepted = await waitForMessage(sent.body.data.documentId, handedToTwilio);
    await withDb((client) =>
      client.query(`UPDATE plugin_whatsapp_messages SET status = 'undelivered', error_code = 30003 WHERE document_id = $1`, [
        accepted.documentId,
      ])
    );
    expect((await retry(accepted.documentId as string)).status).toBe(201);
  });

  it('answers 409 for a message that has not failed', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    const sent = await sendMessage({ candidate: candidate.documentId, body: 'Fine' });
    const response = await retry(sent.body.data.documentId);
    expect(response.status).toBe(409);
    expectStrapiError(response.body, 409, 'ConflictError');
    expect(response.body.error.details).toMatchObject({ code: 'NOT_RETRYABLE' });
  });

  it('answers 409 for an inbound message', async () => {
    const documentId = uniqueName('inbound');
    await withDb((client) =>
      client.query(
        `INSERT INTO plugin_whatsapp_messages (document_id, direction, status, body, created_at, updated_at, published_at)
         VALUES ($1, 'inbound', 'received', 'hi', now(), now(), now())`,
        [documentId]
      )
    );
    const response = await retry(documentId);
    expect(response.status).toBe(409);
    expect(response.body.error.details.code).toBe('NOT_RETRYABLE');
  });

  it('answers 409 to a second retry while the first is alive, and only one new message exists', async () => {
    const { failed } = await failedMessage();
    const [first, second] = await Promise.all([retry(failed.documentId as string), retry(failed.documentId as string)]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.body.error.details.code).toBe('ALREADY_RETRIED');
    const retries = await withDb(async (client) => {
      const result = await client.query(
        `SELECT count(*)::int AS n FROM plugin_whatsapp_messages_retry_of_lnk l
           JOIN plugin_whatsapp_messages o ON o.id = l.inv_message_id WHERE o.document_id = $1`,
        [failed.documentId]
      );
      return result.rows[0].n as number;
    });
    expect(retries).toBe(1);
  });

  it('applies the send rules again: a candidate who opted out since is refused with 422', async () => {
    const { candidate, failed } = await failedMessage();
    await contentApi().put(`/api/whatsapp/candidates/${candidate.documentId}`).send({ data: { optIn: 'opted_out' } }).expect(200);
    const response = await retry(failed.documentId as string);
    expect(response.status).toBe(422);
    expect(response.body.error.details.code).toBe('OPTED_OUT');
  });

  it('answers 404 for an unknown message', async () => {
    const response = await retry('nosuchmessage123');
    expect(response.status).toBe(404);
    expectStrapiError(response.body, 404, 'NotFoundError');
  });

  it('retries from the inbox (admin route), under the messages.send action', async () => {
    const { failed } = await failedMessage();
    const reader = await createAdminWithActions(['plugin::whatsapp.messages.read']);
    const denied = await api(reader).post(`/whatsapp/messages/${failed.documentId}/retry`).send({});
    expect(denied.status).toBe(403);
    const response = await adminApi().post(`/whatsapp/messages/${failed.documentId}/retry`).send({});
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ status: 'pending', errorDescription: null });
  });
});

describe('admin send route RBAC (the inbox composer)', () => {
  it('needs an admin session', async () => {
    expect((await api().post('/whatsapp/messages').send({ data: { to: '+919876543210', body: 'x' } })).status).toBe(401);
  });

  it('answers 403 to a role without messages.send, and lets one with it send', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    const reader = await createAdminWithActions(['plugin::whatsapp.messages.read', 'plugin::whatsapp.settings.read']);
    const denied = await api(reader).post('/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'x' } });
    expect(denied.status).toBe(403);
    expectStrapiError(denied.body, 403);
    expect(await emulatorMessagesTo(candidate.phone)).toHaveLength(0);

    const staff = await createAdminWithActions(['plugin::whatsapp.messages.send']);
    const allowed = await api(staff).post('/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'From staff' } });
    expect(allowed.status).toBe(201);
    await waitForMessage(allowed.body.data.documentId, handedToTwilio);
  });
});
