/**
 * Rows the plugin writes with SQL through its Strapi tables gateway (a campaign's messages and
 * conversations, an inbound message's candidate) must be indistinguishable from rows the
 * Document Service writes (a single send, a candidate created over REST): the same columns
 * filled, the same link rows, and the same answers through REST and GraphQL.
 */
import { approvedTemplate } from '../send/helpers';
import { contentApi } from '../helpers/api';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import { campaignAction, campaignMessages, createCampaign, waitForCampaign, isCompleted } from '../campaigns/helpers';
import { gqlOk, receiveInbound, waitFor } from '../graphql/helpers';
import { LINK_TABLE, TABLE } from '../../../plugins/whatsapp/server/src/database/strapi-tables';

/** Values that differ between any two rows (ids, times, numbers): kept as their kind only. */
const PER_ROW = new Set([
  'id', 'document_id', 'documentId', 'created_at', 'createdAt', 'updated_at', 'updatedAt', 'published_at', 'publishedAt',
  'sent_at', 'sentAt', 'delivered_at', 'deliveredAt', 'read_at', 'readAt', 'last_status_at', 'lastStatusAt',
  'twilio_sid', 'twilioSid', 'to', 'phone', 'thread_key', 'threadKey', 'last_message_at', 'lastMessageAt',
  'last_inbound_at', 'lastInboundAt', 'window_expires_at', 'windowExpiresAt', 'send_started_at', 'sendStartedAt',
  'at', 'status_callback_at', 'last_synced_at', 'next_attempt_at', 'send_locked_until', 'opt_in_at', 'optInAt', 'wa_id', 'waId',
  // Who caused the message: a campaign for one, the API token for the other (both written, checked below).
  'actor_type', 'actorType', 'actor_id', 'actorId', 'actor_name', 'actorName',
]);

const kindOf = (value: unknown) => (value === null ? 'null' : value instanceof Date ? 'date' : typeof value);

/** A row or an API answer with its per-row values replaced by their kind, recursively. */
const shape = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => [key, PER_ROW.has(key) ? kindOf(entry) : shape(entry)])
    );
  }
  return value;
};

const rowOf = (table: string, documentId: string) =>
  withDb(async (db) => (await db.query(`SELECT * FROM ${table} WHERE document_id = $1`, [documentId])).rows[0] as Record<string, unknown>);

const linkRows = (table: string, column: string, id: unknown) =>
  withDb(async (db) => {
    const rows = (await db.query(`SELECT * FROM ${table} WHERE ${column} = $1`, [id])).rows as Array<Record<string, unknown>>;
    return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, key.endsWith('_ord') ? value : kindOf(value)])));
  });

const restMessage = async (documentId: string) => {
  const response = await contentApi().get(`/api/whatsapp/messages/${documentId}`).query({ populate: ['conversation', 'candidate', 'template'] });
  expect(response.status).toBe(200);
  return response.body.data as Record<string, unknown>;
};

const restConversation = async (documentId: string) => {
  const response = await contentApi().get(`/api/whatsapp/conversations/${documentId}`).query({ populate: ['candidate'] });
  expect(response.status).toBe(200);
  return response.body.data as Record<string, unknown>;
};

const restCandidate = async (documentId: string) => {
  const response = await contentApi().get(`/api/whatsapp/candidates/${documentId}`);
  expect(response.status).toBe(200);
  return response.body.data as Record<string, unknown>;
};

const gqlMessage = async (documentId: string) =>
  (
    await gqlOk(
      `query ($id: ID!) { whatsappMessage(documentId: $id) {
        documentId direction status from to body variables errorCode twilioSid createdAt updatedAt publishedAt
        conversation { documentId sender status unreadCount lastMessagePreview candidate { documentId name optIn tags } }
        candidate { documentId name phone optIn } template { documentId name } } }`,
      { id: documentId }
    )
  ).whatsappMessage as Record<string, unknown>;

const gqlCandidate = async (documentId: string) =>
  (
    await gqlOk(
      `query ($id: ID!) { whatsappCandidate(documentId: $id) {
        documentId name phone email optIn optInAt optOutAt optInSource tags attributes lastInboundAt createdAt updatedAt publishedAt } }`,
      { id: documentId }
    )
  ).whatsappCandidate as Record<string, unknown>;

const createCandidate = async (data: Record<string, unknown>) => {
  const response = await contentApi().post('/api/whatsapp/candidates').send({ data });
  expect(response.status).toBe(201);
  return response.body.data as { documentId: string; phone: string };
};

/** The message's row once Twilio (the emulator) reported it read, so both compared rows are at rest. */
const readMessageRow = (documentId: string) =>
  waitFor(() => rowOf(TABLE.message, documentId), (row) => row?.status === 'read', 30_000);

describe('rows written through the Strapi tables gateway and through the Document Service', () => {
  it('an outbound message and its conversation: a campaign (gateway SQL) and a single send (Document Service) are alike', async () => {
    const tag = uniqueName('parity');
    const name = 'Parity Candidate';
    const viaGateway = await createCandidate({ name, phone: uniqueIndianMobile(), tags: [tag], optIn: 'opted_in' });
    const viaDocuments = await createCandidate({ name, phone: uniqueIndianMobile(), tags: [tag], optIn: 'opted_in' });
    const template = await approvedTemplate('Hi {{1}}, your interview is on {{2}}.', { '1': 'Asha', '2': 'Monday' });

    const campaign = await createCampaign({
      name: uniqueName('parity-campaign'),
      template: template.documentId,
      variableMapping: { '1': { source: 'field', field: 'name' }, '2': { source: 'text', value: 'Friday' } },
      audience: { candidates: [viaGateway.documentId] },
    });
    expect((await campaignAction(campaign.documentId, 'launch')).status).toBe(200);
    await waitForCampaign(campaign.documentId, isCompleted);
    const [campaignMessage] = await campaignMessages(campaign.documentId);
    expect(campaignMessage).toBeDefined();
    const gatewayMessageId = campaignMessage!.document_id;

    const send = await contentApi()
      .post('/api/whatsapp/messages')
      .send({ data: { candidate: viaDocuments.documentId, template: template.documentId, variables: { '1': name, '2': 'Friday' } } });
    expect(send.status).toBe(201);
    const documentMessageId = send.body.data.documentId as string;

    const gatewayRow = await readMessageRow(gatewayMessageId);
    const documentRow = await readMessageRow(documentMessageId);
    expect(shape(gatewayRow)).toEqual(shape(documentRow));
    expect(gatewayRow).toMatchObject({ actor_type: 'campaign', actor_id: campaign.documentId });
    expect(documentRow).toMatchObject({ actor_type: 'api-token' });

    for (const [table, column] of [
      [LINK_TABLE.messageConversation, 'message_id'],
      [LINK_TABLE.messageCandidate, 'message_id'],
      [LINK_TABLE.messageTemplate, 'message_id'],
    ] as const) {
      expect({ table, rows: await linkRows(table, column, gatewayRow.id) }).toEqual({ table, rows: await linkRows(table, column, documentRow.id) });
    }
    expect(await linkRows(LINK_TABLE.messageCampaign, 'message_id', gatewayRow.id)).toHaveLength(1);
    expect(await linkRows(LINK_TABLE.messageCampaign, 'message_id', documentRow.id)).toHaveLength(0);

    const gatewayRest = await restMessage(gatewayMessageId);
    const documentRest = await restMessage(documentMessageId);
    expect(shape(gatewayRest)).toEqual(shape(documentRest));
    expect(shape(await gqlMessage(gatewayMessageId))).toEqual(shape(await gqlMessage(documentMessageId)));

    const gatewayConversation = (gatewayRest.conversation as { documentId: string }).documentId;
    const documentConversation = (documentRest.conversation as { documentId: string }).documentId;
    expect(shape(await rowOf(TABLE.conversation, gatewayConversation))).toEqual(shape(await rowOf(TABLE.conversation, documentConversation)));
    expect(shape(await restConversation(gatewayConversation))).toEqual(shape(await restConversation(documentConversation)));
    const gatewayConversationRow = await rowOf(TABLE.conversation, gatewayConversation);
    const documentConversationRow = await rowOf(TABLE.conversation, documentConversation);
    expect(await linkRows(LINK_TABLE.conversationCandidate, 'conversation_id', gatewayConversationRow.id)).toEqual(
      await linkRows(LINK_TABLE.conversationCandidate, 'conversation_id', documentConversationRow.id)
    );
  });

  it('a candidate: created by an inbound message (gateway SQL) and over REST (Document Service) are alike', async () => {
    const name = uniqueName('Parity');
    const viaGatewayPhone = uniqueIndianMobile();
    await receiveInbound(viaGatewayPhone, 'hello');
    const viaGateway = await waitFor(
      () => withDb(async (db) => (await db.query(`SELECT document_id FROM ${TABLE.candidate} WHERE phone = $1`, [viaGatewayPhone])).rows[0]),
      (row) => Boolean(row)
    );
    // The webhook names a candidate after its WhatsApp profile name when it has one; the emulator sends none.
    expect((await contentApi().put(`/api/whatsapp/candidates/${viaGateway.document_id}`).send({ data: { name } })).status).toBe(200);

    const viaDocuments = await createCandidate({ name, phone: uniqueIndianMobile() });
    await receiveInbound(viaDocuments.phone, 'hello');
    await waitFor(() => rowOf(TABLE.candidate, viaDocuments.documentId), (row) => row?.last_inbound_at !== null);

    expect(shape(await rowOf(TABLE.candidate, viaGateway.document_id))).toEqual(shape(await rowOf(TABLE.candidate, viaDocuments.documentId)));
    expect(shape(await restCandidate(viaGateway.document_id))).toEqual(shape(await restCandidate(viaDocuments.documentId)));
    expect(shape(await gqlCandidate(viaGateway.document_id))).toEqual(shape(await gqlCandidate(viaDocuments.documentId)));
  });
});
