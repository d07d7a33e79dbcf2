import request from 'supertest';
import { findFreePort } from '../../../database/embedded/port';
import { startAppProcess, type AppProcess } from '../setup/app-process';
import { adminApi, contentApi, ctx } from '../helpers/api';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import { emulatorControl as control } from '../helpers/emulator';
import { approvedTemplate, type EmulatedMessage } from '../send/helpers';

export { adminApi, approvedTemplate, contentApi, ctx, withDb };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Candidate = { documentId: string; phone: string; name: string };

/** Candidates tagged `tag`, created through the REST API a few at a time. */
export const createCandidates = async (count: number, tag: string, extra: (index: number) => Record<string, unknown> = () => ({})) => {
  const created: Candidate[] = [];
  for (let start = 0; start < count; start += 8) {
    const batch = Array.from({ length: Math.min(8, count - start) }, (_, offset) => start + offset);
    const results = await Promise.all(
      batch.map(async (index) => {
        const data = { name: `Candidate ${index}`, phone: uniqueIndianMobile(), tags: [tag], optIn: 'opted_in', ...extra(index) };
        const response = await contentApi().post('/api/whatsapp/candidates').send({ data });
        if (response.status !== 201) throw new Error(`candidate create: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body.data as Candidate;
      })
    );
    created.push(...results);
  }
  return created;
};

export const createCampaign = async (data: Record<string, unknown>, baseUrl?: string) => {
  const agent = baseUrl ? request(baseUrl) : null;
  const response = agent
    ? await agent.post('/api/whatsapp/campaigns').set('Authorization', `Bearer ${ctx.fullAccessToken}`).send({ data })
    : await contentApi().post('/api/whatsapp/campaigns').send({ data });
  if (response.status !== 201) throw new Error(`campaign create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as { documentId: string; state: string };
};

/** A campaign of an approved template `Hi {{1}}, …`, for everyone tagged `tag`. */
export const campaignFor = async (tag: string, overrides: Record<string, unknown> = {}) => {
  const template = await approvedTemplate('Hi {{1}}, your interview is on {{2}}.', { '1': 'Asha', '2': 'Monday' });
  const campaign = await createCampaign({
    name: uniqueName('campaign'),
    template: template.documentId,
    variableMapping: { '1': { source: 'field', field: 'name' }, '2': { source: 'text', value: 'Friday' } },
    audience: { tags: [tag] },
    ...overrides,
  });
  return { campaign, template };
};

/** `POST /campaigns/:id/<action>` on the content API (of another app process when given). */
export const campaignAction = (documentId: string, action: string, baseUrl?: string) =>
  baseUrl
    ? request(baseUrl).post(`/api/whatsapp/campaigns/${documentId}/${action}`).set('Authorization', `Bearer ${ctx.fullAccessToken}`)
    : contentApi().post(`/api/whatsapp/campaigns/${documentId}/${action}`);

export type CampaignView = {
  documentId: string;
  state: string;
  startedAt: string | null;
  completedAt: string | null;
  stateReason: string | null;
  stats: (Record<string, number> & { skippedBy: Record<string, number> }) | null;
};

export const getCampaign = async (documentId: string): Promise<CampaignView> => {
  const response = await contentApi().get(`/api/whatsapp/campaigns/${documentId}`);
  if (response.status !== 200) throw new Error(`campaign ${documentId}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as CampaignView;
};

export const waitForCampaign = async (documentId: string, done: (campaign: CampaignView) => boolean, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  let last = await getCampaign(documentId);
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`campaign ${documentId} never reached the expected state; last: ${JSON.stringify(last)}`);
    await sleep(200);
    last = await getCampaign(documentId);
  }
  return last;
};

export const isCompleted = (campaign: CampaignView) => campaign.state === 'completed';

/** Outbound messages the emulator (Twilio) holds for these numbers, grouped by number. */
export const emulatorMessagesByNumber = async (phones: string[]) => {
  const wanted = new Set(phones.map((phone) => `whatsapp:${phone}`));
  const { messages } = await control<{ messages: Array<EmulatedMessage & { dateCreated: string }> }>('/messages?direction=outbound-api');
  const byNumber = new Map<string, Array<EmulatedMessage & { dateCreated: string }>>(phones.map((phone) => [phone, []]));
  for (const message of messages) {
    if (wanted.has(message.to)) byNumber.get(message.to.replace(/^whatsapp:/, ''))!.push(message);
  }
  return byNumber;
};

export const countAtEmulator = async (phones: string[]) =>
  [...(await emulatorMessagesByNumber(phones)).values()].reduce((sum, list) => sum + list.length, 0);

export const injectFailure = (rule: Record<string, unknown> & { to: string }) =>
  control<{ rules: Array<{ id: string }> }>('/failures', { method: 'POST', body: rule });

export const sendInbound = (input: { from: string; to: string; body: string; url: string }) =>
  control<{ status: number | null }>('/inbound', { method: 'POST', body: input });

/** Every recipient page of a campaign, as the API gives them. */
export const allRecipients = async (documentId: string, query: Record<string, string> = {}) => {
  const items: Array<Record<string, unknown> & { status: string; candidate: { phone: string } | null }> = [];
  for (let page = 1; ; page += 1) {
    const response = await contentApi()
      .get(`/api/whatsapp/campaigns/${documentId}/recipients`)
      .query({ ...query, 'pagination[page]': String(page), 'pagination[pageSize]': '100' });
    if (response.status !== 200) throw new Error(`recipients: ${response.status} ${JSON.stringify(response.body)}`);
    items.push(...response.body.data);
    if (page >= response.body.meta.pagination.pageCount) return items;
  }
};

/**
 * Another app process on the test database, with the same secrets and emulator, sending from
 * `sender`. Its own public URL receives the status callbacks of the messages it sends.
 */
export const startExtraApp = async (options: { sender: string; mps: number; port?: number; env?: Record<string, string> }) => {
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const app = await startAppProcess(
    {
      ...ctx.appEnv,
      PORT: String(port),
      WHATSAPP_PUBLIC_URL: url,
      TWILIO_WHATSAPP_NUMBER: `whatsapp:${options.sender}`,
      WHATSAPP_MPS: String(options.mps),
      ...options.env,
    },
    port
  );
  return { app, port, url };
};

export type ExtraApp = Awaited<ReturnType<typeof startExtraApp>> & { app: AppProcess };

/** Our campaign's messages in the database (documentId, number, SID). */
export const campaignMessages = (campaignDocumentId: string) =>
  withDb(async (client) => {
    const result = await client.query(
      `SELECT m.document_id, m."to", m.twilio_sid, m.status
         FROM plugin_whatsapp_messages m
         JOIN plugin_whatsapp_messages_campaign_lnk l ON l.message_id = m.id
         JOIN plugin_whatsapp_campaigns c ON c.id = l.campaign_id
        WHERE c.document_id = $1`,
      [campaignDocumentId]
    );
    return result.rows as Array<{ document_id: string; to: string; twilio_sid: string | null; status: string }>;
  });

export const uniqueTag = () => uniqueName('tag');
export { sleep, adminApi as admin };

/** Dispatcher runs for `sender` created since `since` that failed or had to be retried (pg-boss's own table). */
export const troubledDispatcherRuns = (sender: string, since: Date) =>
  withDb(async (client) => {
    const result = await client.query(
      `SELECT id, state, retry_count, output FROM whatsapp_jobs.job
        WHERE name = 'whatsapp.campaign-dispatch' AND data->>'sender' = $1 AND created_on >= $2
          AND (state = 'failed' OR retry_count > 0)`,
      [sender, since]
    );
    return result.rows as Array<{ id: string; state: string; retry_count: number; output: unknown }>;
  });

/**
 * An app process of its own (its sender and pace) for one describe block: started before its
 * tests, stopped after them. Read `.current` inside the tests.
 */
export const useExtraApp = (options: Parameters<typeof startExtraApp>[0]) => {
  const holder = {} as { current: ExtraApp };
  beforeAll(async () => {
    holder.current = await startExtraApp(options);
  }, 120_000);
  afterAll(async () => {
    await holder.current?.app.stop();
  });
  return holder;
};
