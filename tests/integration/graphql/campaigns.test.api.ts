import { allRecipients, campaignFor, createCampaign, createCandidates, injectFailure, isCompleted, uniqueTag, waitForCampaign } from '../campaigns/helpers';
import { contentApi } from '../helpers/api';
import { removeSeededCampaigns, seededCampaign } from '../exports/helpers';
import { uniqueName } from '../helpers/data';
import { CAMPAIGN_FIELDS, expectBadInput, expectGqlError, expectRefusal, gql, gqlOk } from './helpers';

const action = (name: string) => `mutation ($id: ID!) { ${name}(id: $id) { ${CAMPAIGN_FIELDS} } }`;
const LAUNCH = action('launchWhatsappCampaign');
const PAUSE = action('pauseWhatsappCampaign');
const RESUME = action('resumeWhatsappCampaign');
const CANCEL = action('cancelWhatsappCampaign');
const RETRY_FAILED = action('retryFailedWhatsappCampaign');

const RECIPIENTS = `query ($id: ID!, $status: [WhatsappCampaignRecipientStatus!], $pagination: PaginationArg) {
  whatsappCampaignRecipients(id: $id, status: $status, pagination: $pagination) {
    nodes {
      candidate { documentId name phone }
      status skipReason skipDetail dispatchedAt repliedAt
      message { documentId status twilioSid errorCode errorMessage sentAt deliveredAt readAt failedAt }
    }
    pageInfo { page pageSize pageCount total }
  }
}`;

const recipients = (id: string, extra: Record<string, unknown> = {}) => gql(RECIPIENTS, { id, ...extra });

const PREVIEW = `mutation ($data: WhatsappCampaignPreviewInput!) {
  previewWhatsappCampaign(data: $data) {
    template { documentId name approvalStatus body }
    total send skipped
    skippedBy { opted_out invalid_phone duplicate_phone missing_variable candidate_deleted }
    samples { candidate { documentId name phone } send skipReason skipDetail text missing }
  }
}`;

const TIMELINE = `query ($id: ID!) {
  whatsappCampaignTimeline(id: $id) {
    bucketSize
    buckets { at sent delivered read failed replied }
    totals { sent delivered read failed replied }
  }
}`;

afterAll(removeSeededCampaigns, 120_000);

describe('GraphQL campaign actions (POST /campaigns/:id/…)', () => {
  it('reads a campaign\'s timeline as GET /campaigns/:id/timeline does', async () => {
    const campaign = await seededCampaign(20, { base: new Date(Date.UTC(2021, 5, 1 + Math.floor(Math.random() * 28), 9, 0, 0)) });
    const { whatsappCampaignTimeline: timeline } = await gqlOk(TIMELINE, { id: campaign.documentId });
    const rest = await contentApi().get(`/api/whatsapp/campaigns/${campaign.documentId}/timeline`).expect(200);
    expect(timeline).toEqual(rest.body.data);
    expect(timeline.bucketSize).toBe('minute');
    expect(timeline.totals.sent).toBeGreaterThan(0);
    expectGqlError(await gql(TIMELINE, { id: 'nosuchdocument00000000000' }), 'STRAPI_NOT_FOUND_ERROR', 'whatsappCampaignTimeline');
  });

  it('previews a launch as POST /campaigns/preview does, and refuses an audience it cannot read', async () => {
    const tag = uniqueTag();
    await createCandidates(3, tag, (index) => (index === 2 ? { optIn: 'opted_out' } : {}));
    const { template } = await campaignFor(tag);
    const data = {
      template: template.documentId,
      variableMapping: { '1': { source: 'field', field: 'name' }, '2': { source: 'text', value: 'Friday' } },
      audience: { tags: [tag] },
      samples: 2,
    };

    const { previewWhatsappCampaign: preview } = await gqlOk(PREVIEW, { data });
    const rest = await contentApi().post('/api/whatsapp/campaigns/preview').send({ data }).expect(200);
    expect(preview).toEqual(rest.body.data);
    expect(preview).toMatchObject({ total: 3, send: 2, skipped: 1, skippedBy: { opted_out: 1 } });
    expect(preview.samples.filter((sample: { send: boolean }) => sample.send)).toHaveLength(2);

    expectBadInput(await gql(PREVIEW, { data: { ...data, audience: { tags: { someOf: [tag] } } } }), 'previewWhatsappCampaign');
  });

  it('launches, lists recipients as REST does, and retries the failed ones', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(3, tag);
    await injectFailure({ kind: 'error', code: 21612, status: 400, mode: 'sync', to: `whatsapp:${people[0]!.phone}` });
    const { campaign } = await campaignFor(tag);

    const { launchWhatsappCampaign: launched } = await gqlOk(LAUNCH, { id: campaign.documentId });
    expect(launched).toMatchObject({ documentId: campaign.documentId, state: 'running', startedAt: expect.any(String), completedAt: null });
    expect(launched.stats).toMatchObject({ total: 3 });
    // Settled: the emulator moves the other two up to read, one step per 200 ms.
    const first = await waitForCampaign(campaign.documentId, (view) => isCompleted(view) && view.stats?.read === 2);
    expect(first.stats).toMatchObject({ failed: 1, read: 2, total: 3 });

    // The same recipients, the same shape, as GET /campaigns/:id/recipients.
    const all = await gqlOk(RECIPIENTS, { id: campaign.documentId });
    expect(all.whatsappCampaignRecipients.pageInfo).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 3 });
    expect(all.whatsappCampaignRecipients.nodes).toEqual(await allRecipients(campaign.documentId));

    const failed = await gqlOk(RECIPIENTS, { id: campaign.documentId, status: ['failed'] });
    expect(failed.whatsappCampaignRecipients).toEqual({
      nodes: [
        expect.objectContaining({
          status: 'failed',
          candidate: expect.objectContaining({ phone: people[0]!.phone }),
          message: expect.objectContaining({ status: 'failed', errorCode: 21612 }),
        }),
      ],
      pageInfo: { page: 1, pageSize: 25, pageCount: 1, total: 1 },
    });

    const secondPage = await gqlOk(RECIPIENTS, { id: campaign.documentId, pagination: { page: 2, pageSize: 2 } });
    expect(secondPage.whatsappCampaignRecipients.pageInfo).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    expect(secondPage.whatsappCampaignRecipients.nodes).toEqual([all.whatsappCampaignRecipients.nodes[2]]);

    const { retryFailedWhatsappCampaign: retried } = await gqlOk(RETRY_FAILED, { id: campaign.documentId });
    expect(retried).toMatchObject({ state: 'running', completedAt: null });
    const done = await waitForCampaign(campaign.documentId, isCompleted);
    expect(done.stats).toMatchObject({ failed: 0, total: 3 });

    expectRefusal(await gql(RETRY_FAILED, { id: campaign.documentId }), 'retryFailedWhatsappCampaign', 409, 'NOTHING_TO_RETRY');
  });

  it('pauses, resumes and cancels a running campaign; a cancelled one refuses further actions with 409', async () => {
    const tag = uniqueTag();
    const [person] = await createCandidates(1, tag);
    // Twilio holds the one send for a while: the campaign stays running meanwhile.
    await injectFailure({ kind: 'timeoutAfterAccept', holdMs: 6_000, to: `whatsapp:${person!.phone}` });
    const { campaign } = await campaignFor(tag);
    const id = campaign.documentId;

    expect((await gqlOk(LAUNCH, { id })).launchWhatsappCampaign.state).toBe('running');
    expect((await gqlOk(PAUSE, { id })).pauseWhatsappCampaign.state).toBe('paused');
    expect((await gqlOk(RESUME, { id })).resumeWhatsappCampaign.state).toBe('running');
    expect((await gqlOk(CANCEL, { id })).cancelWhatsappCampaign).toMatchObject({ state: 'cancelled', completedAt: null });

    const refused = expectRefusal(await gql(RESUME, { id }), 'resumeWhatsappCampaign', 409, 'INVALID_STATE_TRANSITION');
    expect(refused.extensions.error?.details).toMatchObject({ action: 'resume', state: 'cancelled', allowedFrom: ['paused'] });
  });

  it('refuses what the campaign rules refuse: an incomplete campaign (422), an action in the wrong state (409), an unknown campaign', async () => {
    const incomplete = await createCampaign({ name: uniqueName('campaign'), audience: { tags: [uniqueTag()] } });
    const error = expectRefusal(await gql(LAUNCH, { id: incomplete.documentId }), 'launchWhatsappCampaign', 422, 'CAMPAIGN_INCOMPLETE');
    expect(error.message).toMatch(/template/i);

    const { campaign } = await campaignFor(uniqueTag());
    for (const [mutation, field] of [
      [PAUSE, 'pauseWhatsappCampaign'],
      [CANCEL, 'cancelWhatsappCampaign'],
      [RETRY_FAILED, 'retryFailedWhatsappCampaign'],
    ] as const) {
      const refused = expectRefusal(await gql(mutation, { id: campaign.documentId }), field, 409, 'INVALID_STATE_TRANSITION');
      expect(refused.extensions.error?.details.state).toBe('draft');
    }
    expect((await gqlOk(`query ($id: ID!) { whatsappCampaign(documentId: $id) { state } }`, { id: campaign.documentId })).whatsappCampaign.state).toBe('draft');

    expectGqlError(await gql(LAUNCH, { id: 'nosuchcampaign00000000000' }), 'STRAPI_NOT_FOUND_ERROR', 'launchWhatsappCampaign');
    expectGqlError(await recipients('nosuchcampaign00000000000'), 'STRAPI_NOT_FOUND_ERROR', 'whatsappCampaignRecipients');
  });

  it.each([
    ['a page size over 100', { pagination: { pageSize: 500 } }, 'pagination.pageSize'],
    ['page 0', { pagination: { page: 0 } }, 'pagination.page'],
    ['start/limit pagination', { pagination: { start: 0, limit: 10 } }, 'pagination'],
    ['an empty status list', { status: [] }, 'status'],
  ])('refuses %s in the recipients query with BAD_USER_INPUT', async (_label, extra, path) => {
    const { campaign } = await campaignFor(uniqueTag());
    expect(expectBadInput(await recipients(campaign.documentId, extra), 'whatsappCampaignRecipients')).toContain(path);
  });

  it('refuses a status that is not a recipient status before running anything', async () => {
    const response = await recipients('any', { status: ['received'] });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
