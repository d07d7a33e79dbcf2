import twilio from 'twilio';
import type { ContentCreateRequest } from 'twilio/lib/rest/content/v1/content';
import type { ApprovalStatus } from '../../tools/twilio-emulator/src';
import { rejectionOf, startHarness, WA_CANDIDATE, WA_SENDER, type Harness } from './helpers';

const ALL_STATES: ApprovalStatus[] = ['unsubmitted', 'received', 'pending', 'approved', 'rejected', 'paused', 'disabled'];

interface WhatsAppApproval {
  name: string;
  category: string;
  status: string;
  rejection_reason: string;
}

/**
 * The SDK's ContentCreateRequest type names its fields in camelCase, but the SDK sends the object
 * as it is, and the Content API reads snake_case (`friendly_name`, `types["twilio/text"]`).
 */
const createRequest = (body: Record<string, unknown>): ContentCreateRequest => body as unknown as ContentCreateRequest;

describe('Content API through the official SDK', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.emulator.stop());
  beforeEach(() => h.emulator.reset());

  const seedEveryState = () =>
    ALL_STATES.map((status, index) =>
      h.emulator.seedContent({
        friendlyName: `template_${index}`,
        body: `Body ${index} for {{1}}`,
        variables: { '1': 'Asha' },
        approval: status === 'rejected' ? { status, rejectionReason: 'Variables at the start' } : status,
      }),
    );

  it('pages ContentAndApprovals with every approval state', async () => {
    const seeded = seedEveryState();
    const all = await h.client.content.v1.contentAndApprovals.list({ pageSize: 3 });
    expect(all).toHaveLength(ALL_STATES.length);
    expect(new Set(all.map((c) => c.sid))).toEqual(new Set(seeded.map((c) => c.sid)));
    const statuses = all.map((c) => (c.approvalRequests as unknown as WhatsAppApproval).status);
    expect([...statuses].sort()).toEqual([...ALL_STATES].sort());
    const rejected = all.find((c) => (c.approvalRequests as unknown as WhatsAppApproval).status === 'rejected');
    expect(rejected?.approvalRequests).toMatchObject({ rejection_reason: 'Variables at the start', category: 'UTILITY' });
    expect(rejected?.types).toEqual({ 'twilio/text': { body: expect.stringMatching(/^Body \d for \{\{1\}\}$/) } });

    const sizes: number[] = [];
    type AnyPage = { instances: { sid: string }[]; nextPageUrl?: string; nextPage(): Promise<unknown> | undefined };
    let page: AnyPage | undefined = await h.client.content.v1.contentAndApprovals.page({ pageSize: 3 });
    const seen = new Set<string>();
    while (page) {
      sizes.push(page.instances.length);
      page.instances.forEach((c) => seen.add(c.sid));
      page = page.nextPageUrl ? ((await page.nextPage()) as AnyPage) : undefined;
    }
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen.size).toBe(ALL_STATES.length);
  });

  it('pages /v1/Content with Twilio’s meta block', async () => {
    seedEveryState();
    const auth = Buffer.from(`${h.emulator.accountSid}:${h.emulator.authToken}`).toString('base64');
    const response = await fetch(`${h.emulator.url}/v1/Content?PageSize=2`, { headers: { Authorization: `Basic ${auth}` } });
    const json = (await response.json()) as { contents: unknown[]; meta: Record<string, unknown> };
    expect(json.contents).toHaveLength(2);
    expect(json.meta).toMatchObject({ page: 0, page_size: 2, previous_page_url: null, key: 'contents' });
    expect(String(json.meta.next_page_url)).toMatch(/\/v1\/Content\?PageSize=2&Page=1&PageToken=PA/);
    expect(String(json.meta.first_page_url)).toMatch(/\/v1\/Content\?PageSize=2&Page=0$/);
    expect(await h.client.content.v1.contents.list({ pageSize: 2 })).toHaveLength(ALL_STATES.length);
  });

  it('creates a template, submits it, and reads the approval back', async () => {
    const created = await h.client.content.v1.contents.create(
      createRequest({
        friendly_name: 'interview_reminder',
        language: 'en',
        variables: { '1': 'name', '2': 'date' },
        types: { 'twilio/text': { body: 'Hi {{1}}, your interview is on {{2}}.' } },
      }),
    );
    expect(created.sid).toMatch(/^HX[0-9a-f]{32}$/);
    expect(created).toMatchObject({ friendlyName: 'interview_reminder', language: 'en', accountSid: h.emulator.accountSid });
    expect(created.dateCreated).toBeInstanceOf(Date);

    const before = await h.client.content.v1.contents(created.sid).approvalFetch().fetch();
    expect(before.whatsapp).toMatchObject({ status: 'unsubmitted' });

    const submitted = await h.client.content.v1.contents(created.sid).approvalCreate.create({
      name: 'interview_reminder',
      category: 'UTILITY',
    });
    expect(submitted).toMatchObject({ name: 'interview_reminder', category: 'UTILITY', status: 'received', contentType: 'twilio/text' });

    const after = await h.client.content.v1.contents(created.sid).approvalFetch().fetch();
    expect(after.whatsapp).toMatchObject({ type: 'whatsapp', name: 'interview_reminder', status: 'received' });
    const fetched = await h.client.content.v1.contents(created.sid).fetch();
    expect(fetched.types).toEqual({ 'twilio/text': { body: 'Hi {{1}}, your interview is on {{2}}.' } });
  });

  it('goes rejected with a reason, then approved after a resubmission', async () => {
    const content = h.emulator.seedContent({ friendlyName: 'offer_letter', body: 'Congratulations {{1}}' });
    await h.client.content.v1.contents(content.sid).approvalCreate.create({ name: 'offer_letter', category: 'MARKETING' });

    h.emulator.setContentApproval(content.sid, { status: 'rejected', rejectionReason: 'Promotional content in a utility template' });
    const rejected = await h.client.content.v1.contents(content.sid).approvalFetch().fetch();
    expect(rejected.whatsapp).toMatchObject({ status: 'rejected', rejection_reason: 'Promotional content in a utility template' });

    const resubmitted = await h.client.content.v1.contents(content.sid).approvalCreate.create({ name: 'offer_letter', category: 'UTILITY' });
    expect(resubmitted.status).toBe('received');
    h.emulator.setContentApproval(content.sid, { status: 'approved' });
    const [listed] = await h.client.content.v1.contentAndApprovals.list();
    expect(listed?.approvalRequests).toMatchObject({ status: 'approved', rejection_reason: '', category: 'UTILITY' });
  });

  it('refuses a second submission while one is under review', async () => {
    const content = h.emulator.seedContent({ body: 'x', approval: 'pending' });
    const error = await rejectionOf(
      h.client.content.v1.contents(content.sid).approvalCreate.create({ name: 'x_template', category: 'UTILITY' }),
    );
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 400 });
  });

  it('approves on its own when approvalStepMs is set', async () => {
    h.emulator.configure({ approvalStepMs: 20 });
    const content = h.emulator.seedContent({ body: 'auto' });
    await h.client.content.v1.contents(content.sid).approvalCreate.create({ name: 'auto_template', category: 'UTILITY' });
    const seen = new Set<string>();
    const deadline = Date.now() + 3000;
    let status = '';
    while (status !== 'approved' && Date.now() < deadline) {
      status = String((await h.client.content.v1.contents(content.sid).approvalFetch().fetch()).whatsapp.status);
      seen.add(status);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(status).toBe('approved');
    expect(seen.has('pending') || seen.has('received')).toBe(true);
  });

  it('validates create and approval bodies', async () => {
    const missingTypes = await rejectionOf(h.client.content.v1.contents.create(createRequest({ language: 'en' })));
    expect(missingTypes).toMatchObject({ status: 400 });
    const camelCase = await rejectionOf(
      h.client.content.v1.contents.create(createRequest({ language: 'en', types: { twilioText: { body: 'x' } } })),
    );
    expect(camelCase).toMatchObject({ status: 400 });
    const content = h.emulator.seedContent({ body: 'x' });
    const badCategory = await rejectionOf(
      h.client.content.v1.contents(content.sid).approvalCreate.create({ name: 'x_template', category: 'PROMO' }),
    );
    expect(badCategory).toMatchObject({ status: 400 });
  });

  it('deletes a template, then 404s on it', async () => {
    const content = h.emulator.seedContent({ body: 'bye' });
    await expect(h.client.content.v1.contents(content.sid).remove()).resolves.toBe(true);
    const error = await rejectionOf(h.client.content.v1.contents(content.sid).fetch());
    expect(error).toMatchObject({ status: 404, code: 20404 });
    expect(await rejectionOf(h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, contentSid: content.sid }))).toMatchObject({
      code: 21655,
    });
  });

  it('requires authentication on the Content API', async () => {
    const error = await rejectionOf(h.clientWith({ authToken: '0'.repeat(32) }).content.v1.contents.list());
    expect(error).toMatchObject({ status: 401, code: 20003 });
  });
});
