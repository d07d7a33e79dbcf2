import { uniqueIndianMobile } from '../helpers/data';
import {
  approvedTemplate,
  countMessagesTo,
  createCandidate,
  ctx,
  emulatorMessagesTo,
  handedToTwilio,
  hasFailed,
  injectFailure,
  setLastInbound,
  waitForMessage,
} from '../send/helpers';
import { expectBadInput, expectGqlError, expectRefusal, gql, gqlOk, MESSAGE_FIELDS, receiveInbound, waitFor } from './helpers';

const SEND = `mutation ($data: WhatsappMessageSendInput!) { sendWhatsappMessage(data: $data) { ${MESSAGE_FIELDS} } }`;
const RETRY = `mutation ($id: ID!) { retryWhatsappMessage(id: $id) { ${MESSAGE_FIELDS} } }`;
const MESSAGE = `query ($id: ID!) { whatsappMessage(documentId: $id) { ${MESSAGE_FIELDS} } }`;

const send = (data: Record<string, unknown>) => gql(SEND, { data });

/** A refused send leaves nothing behind: no message row, nothing at Twilio. */
const expectNothingSent = async (phone: string) => {
  expect(await countMessagesTo(phone)).toBe(0);
  expect(await emulatorMessagesTo(phone)).toHaveLength(0);
};

describe('GraphQL sendWhatsappMessage (POST /messages)', () => {
  it('sends free text inside the 24-hour window: the pending message, then handed to Twilio once', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile(), name: 'Asha' });
    await setLastInbound(candidate.documentId);

    const { sendWhatsappMessage: message } = await gqlOk(SEND, { data: { candidate: candidate.documentId, body: 'Your interview is at 10:00.' } });
    expect(message).toEqual({
      documentId: expect.any(String),
      direction: 'outbound',
      status: 'pending',
      from: `whatsapp:${ctx.whatsappNumber}`,
      to: `whatsapp:${candidate.phone}`,
      body: 'Your interview is at 10:00.',
      twilioSid: null,
      errorCode: null,
      errorMessage: null,
      errorDescription: null,
      candidate: { documentId: candidate.documentId, phone: candidate.phone },
      conversation: { documentId: expect.any(String) },
      retryOf: null,
    });

    const sent = await waitForMessage(message.documentId, handedToTwilio);
    const atTwilio = await emulatorMessagesTo(candidate.phone);
    expect(atTwilio).toHaveLength(1);
    expect(atTwilio[0]).toMatchObject({ sid: sent.twilioSid, body: 'Your interview is at 10:00.', contentSid: null });
  });

  it('sends an approved template to a number, outside any window, with its variables as text', async () => {
    const template = await approvedTemplate();
    const phone = uniqueIndianMobile();
    const { sendWhatsappMessage: message } = await gqlOk(SEND, {
      data: { to: phone, template: template.documentId, variables: { '1': 'Ravi', '2': 5 } },
    });
    expect(message).toMatchObject({ status: 'pending', to: `whatsapp:${phone}`, candidate: { phone } });

    await waitForMessage(message.documentId, handedToTwilio);
    const [atTwilio, ...others] = await emulatorMessagesTo(phone);
    expect(others).toEqual([]);
    expect(atTwilio).toMatchObject({ contentSid: template.contentSid, contentVariables: { '1': 'Ravi', '2': '5' } });
  });

  it.each([
    ['neither a candidate nor a number', { body: 'Hello' }, 'to'],
    ['both a candidate and a number', { candidate: 'abc', to: '+919800000000', body: 'Hello' }, 'to'],
    ['a media URL Twilio cannot fetch', { to: '+919800000001', mediaUrls: ['ftp://example.com/a.png'] }, 'mediaUrls.0'],
    ['a body with a template', { to: '+919800000002', template: 'abc', body: 'Hello' }, 'body'],
    ['variables without a template', { to: '+919800000003', body: 'Hello', variables: { '1': 'x' } }, 'variables'],
    ['a placeholder key that is not a number', { to: '+919800000004', template: 'abc', variables: { name: 'x' } }, 'variables.name'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, data, path) => {
    const paths = expectBadInput(await send(data), 'sendWhatsappMessage');
    expect(paths).toContain(path);
  });

  it('refuses a wrongly typed variable with BAD_USER_INPUT, never an internal error', async () => {
    const response = await send({ to: uniqueIndianMobile(), body: { text: 'Hello' } });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('WINDOW_CLOSED: free text to a number that never wrote is refused with the rule code; nulls count as not given', async () => {
    const phone = uniqueIndianMobile();
    const response = await send({ candidate: null, to: phone, body: 'Hello', template: null, mediaUrls: null });
    const error = expectRefusal(response, 'sendWhatsappMessage', 422, 'WINDOW_CLOSED');
    expect(error.extensions.error?.details).toMatchObject({ windowClosedAt: null, lastInboundAt: null });
    expect(error.message).toMatch(/template/i);
    await expectNothingSent(phone);
  });

  it('OPTED_OUT: a candidate who opted out is refused even inside the window, and nothing is sent', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile(), optIn: 'opted_out' });
    await setLastInbound(candidate.documentId);
    expectRefusal(await send({ candidate: candidate.documentId, body: 'Hello' }), 'sendWhatsappMessage', 422, 'OPTED_OUT');
    await expectNothingSent(candidate.phone);
  });
});

describe('GraphQL retryWhatsappMessage (POST /messages/:id/retry)', () => {
  /** A free-text message Twilio refused (21211), now failed. */
  const failedMessage = async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    await injectFailure({ kind: 'error', code: 21211, to: `whatsapp:${candidate.phone}` });
    const { sendWhatsappMessage: message } = await gqlOk(SEND, { data: { candidate: candidate.documentId, body: 'First try' } });
    await waitForMessage(message.documentId, hasFailed);
    return { candidate, failedId: message.documentId as string };
  };

  it('sends a failed message again as a new message linked by retryOf; the original keeps its failure', async () => {
    const { candidate, failedId } = await failedMessage();

    const { whatsappMessage: original } = await gqlOk(MESSAGE, { id: failedId });
    expect(original).toMatchObject({ status: 'failed', errorCode: 21211, twilioSid: null, errorDescription: expect.any(String) });
    expect(original.errorDescription.length).toBeGreaterThan(0);

    const { retryWhatsappMessage: again } = await gqlOk(RETRY, { id: failedId });
    expect(again).toMatchObject({
      status: 'pending',
      body: 'First try',
      to: `whatsapp:${candidate.phone}`,
      errorCode: null,
      errorDescription: null,
      retryOf: { documentId: failedId, status: 'failed', errorCode: 21211 },
    });
    expect(again.documentId).not.toBe(failedId);

    const sent = await waitForMessage(again.documentId, handedToTwilio);
    expect((await emulatorMessagesTo(candidate.phone)).map((message) => message.sid)).toEqual([sent.twilioSid]);
  });

  it('refuses a message that has not failed with a 409 code, and an unknown one with NOT_FOUND', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    const { sendWhatsappMessage: message } = await gqlOk(SEND, { data: { candidate: candidate.documentId, body: 'Hello' } });
    await waitForMessage(message.documentId, handedToTwilio);

    const error = expectRefusal(await gql(RETRY, { id: message.documentId }), 'retryWhatsappMessage', 409, 'NOT_RETRYABLE');
    expect(error.extensions.error?.details.status).not.toBe('failed');
    expect(await countMessagesTo(candidate.phone)).toBe(1);

    expectGqlError(await gql(RETRY, { id: 'nosuchmessage000000000000' }), 'STRAPI_NOT_FOUND_ERROR', 'retryWhatsappMessage');
    expect(expectBadInput(await gql(RETRY, { id: '  ' }), 'retryWhatsappMessage')).toEqual(['id']);
  });
});

describe('GraphQL markWhatsappConversationRead (POST /conversations/:id/read)', () => {
  const CONVERSATIONS = `query ($phone: String) {
    whatsappConversations(filters: { candidate: { phone: { eq: $phone } } }) { documentId unreadCount }
  }`;

  it('sets the unread count of a conversation with new inbound messages to zero', async () => {
    const phone = uniqueIndianMobile();
    await receiveInbound(phone, 'Hello, is the interview tomorrow?');
    await receiveInbound(phone, 'At what time?');
    const [conversation] = await waitFor(
      async () => (await gqlOk(CONVERSATIONS, { phone })).whatsappConversations as Array<{ documentId: string; unreadCount: number }>,
      (list) => list.length === 1 && list[0]!.unreadCount === 2
    );

    const { markWhatsappConversationRead: read } = await gqlOk(
      'mutation ($id: ID!) { markWhatsappConversationRead(id: $id) { documentId unreadCount candidate { phone } } }',
      { id: conversation!.documentId }
    );
    expect(read).toEqual({ documentId: conversation!.documentId, unreadCount: 0, candidate: { phone } });
    expect((await gqlOk(CONVERSATIONS, { phone })).whatsappConversations).toEqual([{ documentId: conversation!.documentId, unreadCount: 0 }]);
  });

  it('answers NOT_FOUND for an unknown conversation', async () => {
    const response = await gql('mutation { markWhatsappConversationRead(id: "nosuchconversation0000000") { documentId } }');
    expectGqlError(response, 'STRAPI_NOT_FOUND_ERROR', 'markWhatsappConversationRead');
  });
});
