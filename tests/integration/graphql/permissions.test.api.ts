import { adminApi, api, contentApi } from '../helpers/api';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { createCustomToken } from '../helpers/tokens';
import { createCandidate, handedToTwilio, setLastInbound, waitForMessage } from '../send/helpers';
import { expectGqlError, gql, PUBLIC, type GqlResponse } from './helpers';

const MISSING = 'nosuchdocument00000000000';

type Operation = {
  field: string;
  /** The content-API action of the REST route the operation stands for. */
  action: string;
  /** The REST route, to compare what a read-only token may do. */
  rest: { method: 'get' | 'post'; path: string };
  query: string;
  variables?: Record<string, unknown>;
  /** What the operation answers once past the permission check, for the input given here. */
  allowed: (response: GqlResponse) => void;
};

const notFound = (field: string) => (response: GqlResponse) => expectGqlError(response, 'STRAPI_NOT_FOUND_ERROR', field);
const badInput = (field: string) => (response: GqlResponse) => expectGqlError(response, 'BAD_USER_INPUT', field);
const succeeds = (field: string) => (response: GqlResponse) => {
  expect(response.errors).toBeUndefined();
  expect(response.data?.[field]).toEqual(expect.any(Object));
};

const byId = (field: string, action: string, rest: Operation['rest'], selection = 'documentId'): Operation => ({
  field,
  action,
  rest,
  query: `mutation ($id: ID!) { ${field}(id: $id) { ${selection} } }`,
  variables: { id: MISSING },
  allowed: notFound(field),
});

const OPERATIONS: Operation[] = [
  {
    field: 'sendWhatsappMessage',
    action: 'plugin::whatsapp.message.send',
    rest: { method: 'post', path: '/api/whatsapp/messages' },
    query: 'mutation ($data: WhatsappMessageSendInput!) { sendWhatsappMessage(data: $data) { documentId } }',
    variables: { data: { body: 'Hello' } },
    allowed: badInput('sendWhatsappMessage'),
  },
  byId('retryWhatsappMessage', 'plugin::whatsapp.message.retry', { method: 'post', path: `/api/whatsapp/messages/${MISSING}/retry` }),
  byId('markWhatsappConversationRead', 'plugin::whatsapp.conversation.markRead', {
    method: 'post',
    path: `/api/whatsapp/conversations/${MISSING}/read`,
  }),
  {
    field: 'syncWhatsappTemplates',
    action: 'plugin::whatsapp.template-actions.sync',
    rest: { method: 'post', path: '/api/whatsapp/templates/sync' },
    query: 'mutation { syncWhatsappTemplates { total } }',
    allowed: succeeds('syncWhatsappTemplates'),
  },
  byId('submitWhatsappTemplate', 'plugin::whatsapp.template-actions.submit', { method: 'post', path: `/api/whatsapp/templates/${MISSING}/submit` }),
  byId('previewWhatsappTemplate', 'plugin::whatsapp.template-actions.preview', { method: 'post', path: `/api/whatsapp/templates/${MISSING}/preview` }, 'text'),
  {
    field: 'previewWhatsappCampaign',
    action: 'plugin::whatsapp.audiences.preview',
    rest: { method: 'post', path: '/api/whatsapp/campaigns/preview' },
    query: 'mutation ($data: WhatsappCampaignPreviewInput!) { previewWhatsappCampaign(data: $data) { total } }',
    variables: { data: { template: MISSING, audience: { tags: ['nobody'] } } },
    allowed: badInput('previewWhatsappCampaign'),
  },
  byId('launchWhatsappCampaign', 'plugin::whatsapp.campaign-actions.launch', { method: 'post', path: `/api/whatsapp/campaigns/${MISSING}/launch` }),
  byId('pauseWhatsappCampaign', 'plugin::whatsapp.campaign-actions.pause', { method: 'post', path: `/api/whatsapp/campaigns/${MISSING}/pause` }),
  byId('resumeWhatsappCampaign', 'plugin::whatsapp.campaign-actions.resume', { method: 'post', path: `/api/whatsapp/campaigns/${MISSING}/resume` }),
  byId('cancelWhatsappCampaign', 'plugin::whatsapp.campaign-actions.cancel', { method: 'post', path: `/api/whatsapp/campaigns/${MISSING}/cancel` }),
  byId('retryFailedWhatsappCampaign', 'plugin::whatsapp.campaign-actions.retryFailed', {
    method: 'post',
    path: `/api/whatsapp/campaigns/${MISSING}/retry-failed`,
  }),
  {
    field: 'requestWhatsappStatusSync',
    action: 'plugin::whatsapp.status-sync.start',
    rest: { method: 'post', path: '/api/whatsapp/sync-status' },
    query: 'mutation ($messages: [ID!]) { requestWhatsappStatusSync(messages: $messages) { runId } }',
    variables: { messages: [MISSING] },
    allowed: badInput('requestWhatsappStatusSync'),
  },
  {
    field: 'whatsappCampaignRecipients',
    action: 'plugin::whatsapp.campaign-actions.recipients',
    rest: { method: 'get', path: `/api/whatsapp/campaigns/${MISSING}/recipients` },
    query: 'query ($id: ID!) { whatsappCampaignRecipients(id: $id) { pageInfo { total } } }',
    variables: { id: MISSING },
    allowed: notFound('whatsappCampaignRecipients'),
  },
  {
    field: 'whatsappCampaignTimeline',
    action: 'plugin::whatsapp.campaign-timeline.find',
    rest: { method: 'get', path: `/api/whatsapp/campaigns/${MISSING}/timeline` },
    query: 'query ($id: ID!) { whatsappCampaignTimeline(id: $id) { bucketSize } }',
    variables: { id: MISSING },
    allowed: notFound('whatsappCampaignTimeline'),
  },
  {
    field: 'whatsappStatusSync',
    action: 'plugin::whatsapp.status-sync.find',
    rest: { method: 'get', path: '/api/whatsapp/sync-status' },
    query: '{ whatsappStatusSync { awaitingFinal } }',
    allowed: succeeds('whatsappStatusSync'),
  },
  {
    field: 'whatsappStatusSyncRun',
    action: 'plugin::whatsapp.status-sync.findOne',
    rest: { method: 'get', path: `/api/whatsapp/sync-status/${MISSING}` },
    query: 'query ($id: ID!) { whatsappStatusSyncRun(id: $id) { id } }',
    variables: { id: MISSING },
    allowed: notFound('whatsappStatusSyncRun'),
  },
];

const ALL_ACTIONS = OPERATIONS.map((operation) => operation.action);

const call = (operation: Operation, token: string) => gql(operation.query, operation.variables ?? {}, token);

describe('GraphQL actions take the permissions of their REST routes', () => {
  it('each action is a content-API permission that Users & Permissions and API tokens offer', async () => {
    const response = await adminApi().get('/admin/content-api/permissions').expect(200);
    const controllers = response.body.data['plugin::whatsapp'].controllers as Record<string, string[]>;
    const offered = Object.entries(controllers).flatMap(([controller, actions]) => actions.map((action) => `plugin::whatsapp.${controller}.${action}`));
    expect(offered).toEqual(expect.arrayContaining(ALL_ACTIONS));
  });

  describe.each(OPERATIONS.map((operation) => [operation.field, operation] as const))('%s', (_field, operation) => {
    it(`is refused without ${operation.action} (every other action granted), and to the public`, async () => {
      const allButThis = await createCustomToken([
        ...ALL_ACTIONS.filter((action) => action !== operation.action),
        'plugin::whatsapp.candidate.findOne',
        'plugin::whatsapp.message.find',
      ]);
      expectGqlError(await call(operation, allButThis), 'FORBIDDEN', operation.field);
      expectGqlError(await call(operation, PUBLIC), 'FORBIDDEN', operation.field);
    });

    it(`runs with ${operation.action} alone`, async () => {
      operation.allowed(await call(operation, await createCustomToken([operation.action])));
    });

    it('is open to a read-only token exactly when its REST route is', async () => {
      const readOnly = await readOnlyToken();
      const rest = await api(readOnly)[operation.rest.method](operation.rest.path).send(operation.rest.method === 'post' ? { data: {} } : undefined);
      // Strapi lets a read-only token use the actions named find and findOne, and nothing else.
      expect(rest.status === 403).toBe(!/\.(find|findOne)$/.test(operation.action));
      const graphql = await call(operation, readOnly);
      if (rest.status === 403) expectGqlError(graphql, 'FORBIDDEN', operation.field);
      else operation.allowed(graphql);
    });
  });

  it('sends with a token holding just message.send; the send rules still apply to it', async () => {
    const token = await createCustomToken(['plugin::whatsapp.message.send']);
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    const SEND = 'mutation ($data: WhatsappMessageSendInput!) { sendWhatsappMessage(data: $data) { documentId status body } }';

    const sent = await gql(SEND, { data: { candidate: candidate.documentId, body: 'Hello' } }, token);
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.sendWhatsappMessage).toEqual({ documentId: expect.any(String), status: 'pending', body: 'Hello' });
    await waitForMessage(sent.data!.sendWhatsappMessage.documentId, handedToTwilio);

    const template = await contentApi()
      .post('/api/whatsapp/templates')
      .send({ data: { name: uniqueName('perm').toLowerCase(), body: 'Hello {{1}}', variables: { '1': 'Asha' } } })
      .expect(201);
    const refused = await gql(SEND, { data: { candidate: candidate.documentId, template: template.body.data.documentId, variables: { '1': 'A' } } }, token);
    expectGqlError(refused, 'STRAPI_UNPROCESSABLE_ENTITY_ERROR', 'sendWhatsappMessage');
    expect(refused.errors![0]!.extensions.error?.details.code).toBe('TEMPLATE_NOT_APPROVED');
  });

  it('applies a Users & Permissions role the same way', async () => {
    const jwt = await userWithRole({ message: ['retry'] });
    const retry = OPERATIONS.find((operation) => operation.field === 'retryWhatsappMessage')!;
    const markRead = OPERATIONS.find((operation) => operation.field === 'markWhatsappConversationRead')!;
    retry.allowed(await call(retry, jwt));
    expectGqlError(await call(markRead, jwt), 'FORBIDDEN', markRead.field);
  });
});

let readOnly: Promise<string> | undefined;
const readOnlyToken = () => {
  readOnly ??= adminApi()
    .post('/admin/api-tokens')
    .send({ name: uniqueName('read-only'), type: 'read-only', lifespan: null })
    .expect(201)
    .then((response) => response.body.data.accessKey as string);
  return readOnly;
};

/** A Users & Permissions user whose role is granted exactly these whatsapp actions; its JWT. */
const userWithRole = async (actions: Record<string, string[]>) => {
  const controllers = Object.fromEntries(
    Object.entries(actions).map(([controller, names]) => [controller, Object.fromEntries(names.map((name) => [name, { enabled: true }]))])
  );
  const name = uniqueName('role');
  await adminApi()
    .post('/users-permissions/roles')
    .send({ name, description: 'GraphQL permission test', permissions: { 'plugin::whatsapp': { controllers } } })
    .expect(200);
  const roles = await adminApi().get('/users-permissions/roles').expect(200);
  const role = (roles.body.roles as Array<{ id: number; name: string }>).find((candidate) => candidate.name === name)!;
  const email = `${uniqueName('user')}@whatsapp.test`;
  const password = 'User-Pass-1234';
  await adminApi()
    .post('/content-manager/collection-types/plugin::users-permissions.user')
    .send({ username: uniqueName('user'), email, password, confirmed: true, blocked: false, role: { connect: [{ id: role.id }] } })
    .expect(201);
  const login = await api().post('/api/auth/local').send({ identifier: email, password }).expect(200);
  return login.body.jwt as string;
};
