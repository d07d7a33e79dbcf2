import type { Browser, Page } from 'playwright-core';
import { adminApi, contentApi } from '../integration/helpers/api';
import { uniqueIndianMobile, uniqueName } from '../integration/helpers/data';
import { conversationOf } from '../integration/helpers/db';
import { approvedTemplate, setLastInbound } from '../integration/send/helpers';
import { isCompleted, waitForCampaign } from '../integration/campaigns/helpers';
import { openPluginPage, openSignedInBrowser } from './helpers/browser';
import { screenshot } from './helpers/screenshots';

describe('the Audit page and who sent a message, in a browser', () => {
  let browser: Browser;
  let page: Page;
  let adminName: string;
  let campaignName: string;
  let candidateId: string;

  beforeAll(async () => {
    const me = await adminApi().get('/admin/users/me').expect(200);
    adminName = [me.body.data.firstname, me.body.data.lastname].filter(Boolean).join(' ') || me.body.data.email;

    // One candidate gets a campaign message, then a message from the admin composer.
    const candidate = await contentApi()
      .post('/api/whatsapp/candidates')
      .send({ data: { name: 'Audit Asha', phone: uniqueIndianMobile(), optIn: 'opted_in', tags: ['audit-e2e'] } })
      .expect(201);
    candidateId = candidate.body.data.documentId;
    const template = await approvedTemplate('Hi {{1}}, your interview is on {{2}}.', { '1': 'Asha', '2': 'Monday' });
    campaignName = uniqueName('Spring drive');
    const campaign = await contentApi()
      .post('/api/whatsapp/campaigns')
      .send({
        data: {
          name: campaignName,
          template: template.documentId,
          variableMapping: { '1': { source: 'field', field: 'name' }, '2': { source: 'text', value: 'Friday' } },
          audience: { candidates: [candidateId] },
        },
      })
      .expect(201);
    await adminApi().post(`/whatsapp/campaigns/${campaign.body.data.documentId}/launch`).expect(200);
    await waitForCampaign(campaign.body.data.documentId, isCompleted);
    await setLastInbound(candidateId);
    await adminApi().post('/whatsapp/messages').send({ data: { candidate: candidateId, body: 'See you on Friday at 10.' } }).expect(201);

    // More entries than one page (20): settings saved again and again.
    for (let index = 0; index < 22; index += 1) {
      await adminApi().put('/whatsapp/settings').send({ data: { defaultCountry: index % 2 ? 'IN' : 'US' } }).expect(200);
    }
    await adminApi().put('/whatsapp/settings').send({ data: { defaultCountry: 'IN' } }).expect(200);

    ({ browser, page } = await openSignedInBrowser());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the thread says who sent each outbound message', async () => {
    await openPluginPage(page, `inbox?conversation=${await conversationOf('candidate', candidateId)}`);
    await page.getByRole('paragraph').filter({ hasText: 'See you on Friday at 10.' }).waitFor({ timeout: 30_000 });
    await page.getByText(`Sent by ${adminName} (admin)`).waitFor();
    await page.getByText(`Campaign: ${campaignName}`).waitFor();
    await screenshot(page, 'audit-thread-sent-by');
  });

  it('lists the entries newest first, filters by action and kind of actor, and pages', async () => {
    await openPluginPage(page, 'audit');
    await page.getByRole('heading', { name: 'Audit' }).waitFor({ timeout: 30_000 });
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(20);
    expect(await rows.first().innerText()).toContain('Settings changed');
    await screenshot(page, 'audit-page');

    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText(/Page 2 of \d+/).waitFor();
    await screenshot(page, 'audit-page-2');

    await page.getByRole('combobox', { name: 'Filter by action' }).click();
    await page.getByRole('option', { name: 'Campaign launched' }).click();
    await rows.filter({ hasText: campaignName }).waitFor();
    const launches = await rows.allInnerTexts();
    expect(launches.every((text) => text.includes('Campaign launched'))).toBe(true);
    expect(launches.find((text) => text.includes(campaignName))).toContain(adminName);
    await screenshot(page, 'audit-filter-launch');

    await page.getByRole('combobox', { name: 'Filter by kind of actor' }).click();
    await page.getByRole('option', { name: 'API token' }).click();
    await page.getByText('Nothing recorded matches these filters.').waitFor();
    await screenshot(page, 'audit-filter-empty');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await rows.nth(19).waitFor();
  });
});
