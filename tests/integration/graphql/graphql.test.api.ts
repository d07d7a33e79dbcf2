import { api, contentApi, ctx } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { createCustomToken } from '../helpers/tokens';

const gql = (query: string, variables: Record<string, unknown> = {}, token = ctx.fullAccessToken) =>
  api(token).post('/graphql').send({ query, variables });

describe('GraphQL', () => {
  it('reads candidates created over REST', async () => {
    const phone = uniqueIndianMobile();
    await contentApi().post('/api/whatsapp/candidates').send({ data: { name: 'Graph Q', phone } }).expect(201);
    const response = await gql('query ($phone: String) { whatsappCandidates(filters: { phone: { eq: $phone } }) { documentId name phone optIn } }', { phone });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.whatsappCandidates).toEqual([
      { documentId: expect.any(String), name: 'Graph Q', phone, optIn: 'unknown' },
    ]);
  });

  it('refuses a query nested deeper than 10 levels (config/plugins.ts depthLimit) and answers one within it', async () => {
    // conversation → messages → conversation → … : each hop is one level.
    const nest = (levels: number): string => (levels === 0 ? 'documentId' : `documentId messages { conversation { ${nest(levels - 1)} } }`);
    const deep = await gql(`query { whatsappConversations { ${nest(6)} } }`);
    expect(deep.body.errors?.[0]?.message).toMatch(/depth/i);
    expect(deep.body.data ?? null).toBeNull();
    const shallow = await gql(`query { whatsappConversations { ${nest(2)} } }`);
    expect(shallow.body.errors).toBeUndefined();
  });

  it('applies the same phone rules to mutations as REST', async () => {
    const phone = uniqueIndianMobile();
    const created = await gql('mutation ($phone: String!) { createWhatsappCandidate(data: { phone: $phone }) { phone } }', {
      phone: `whatsapp:${phone}`,
    });
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createWhatsappCandidate.phone).toBe(phone);

    const invalid = await gql('mutation { createWhatsappCandidate(data: { phone: "12345" }) { phone } }');
    expect(invalid.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const duplicate = await gql('mutation ($phone: String!) { createWhatsappCandidate(data: { phone: $phone }) { phone } }', { phone });
    expect(duplicate.body.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|STRAPI_CONFLICT_ERROR/);
  });

  it('offers no mutations that write conversations or messages, hides status events and sync runs, and offers the REST actions', async () => {
    const response = await gql('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const queries = response.body.data.__schema.queryType.fields.map((f: { name: string }) => f.name);
    const mutations = response.body.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(queries).toEqual(expect.arrayContaining(['whatsappCandidates', 'whatsappConversations', 'whatsappMessages', 'whatsappTemplates', 'whatsappCampaigns']));
    expect(queries.some((name: string) => /statusEvent/i.test(name))).toBe(false);
    expect(mutations).toEqual(expect.arrayContaining(['createWhatsappCandidate', 'createWhatsappTemplate', 'createWhatsappCampaign']));
    for (const name of ['createWhatsappMessage', 'updateWhatsappMessage', 'deleteWhatsappMessage', 'createWhatsappConversation', 'deleteWhatsappConversation']) {
      expect(mutations).not.toContain(name);
    }
    // Sync runs are read through whatsappStatusSync, as REST reads them through /sync-status.
    expect(queries.some((name: string) => /whatsappSyncRun/i.test(name))).toBe(false);
    expect(mutations.some((name: string) => /whatsappSyncRun/i.test(name))).toBe(false);
    // The REST actions, as operations of their own.
    expect(queries).toEqual(expect.arrayContaining(['whatsappCampaignRecipients', 'whatsappStatusSync', 'whatsappStatusSyncRun']));
    expect(mutations).toEqual(
      expect.arrayContaining([
        'sendWhatsappMessage',
        'retryWhatsappMessage',
        'markWhatsappConversationRead',
        'syncWhatsappTemplates',
        'submitWhatsappTemplate',
        'previewWhatsappTemplate',
        'launchWhatsappCampaign',
        'pauseWhatsappCampaign',
        'resumeWhatsappCampaign',
        'cancelWhatsappCampaign',
        'retryFailedWhatsappCampaign',
        'requestWhatsappStatusSync',
      ])
    );
  });

  it('enforces the same permissions as REST', async () => {
    const token = await createCustomToken(['plugin::whatsapp.template.find']);
    const allowed = await gql('{ whatsappTemplates { documentId } }', {}, token);
    expect(allowed.body.errors).toBeUndefined();
    const denied = await gql('{ whatsappCandidates { documentId } }', {}, token);
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const publicCall = await api().post('/graphql').send({ query: '{ whatsappCandidates { documentId } }' });
    expect(publicCall.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
