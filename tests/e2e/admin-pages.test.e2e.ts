import type { Browser, Page } from 'playwright-core';
import { actionUid } from '../../plugins/whatsapp/shared/permissions';
import { contentApi, ctx } from '../integration/helpers/api';
import { createAdminUserWithActions } from '../integration/helpers/admin-users';
import { uniqueName } from '../integration/helpers/data';
import { withDb } from '../integration/helpers/db';
import { adminApi, createCampaign } from '../integration/campaigns/helpers';
import { completedCampaignWithOneSkipped } from '../integration/campaigns/seed';
import { logIn, openPluginPage, openSignedInBrowser } from './helpers/browser';
import { screenshot } from './helpers/screenshots';

/** What Strapi's Page.NoPermissions says. */
const NO_PERMISSIONS = "You don't have the permissions to access that content";

/** Counts a paused campaign is left with: 3 of 4 recipients handled, one still waiting. */
const PAUSED_STATS = {
  pending: 1, accepted: 0, scheduled: 0, queued: 0, sending: 0, sent: 1, delivered: 1, read: 1,
  failed: 0, undelivered: 0, canceled: 0, skipped: 0, total: 4, replied: 0,
  skippedBy: { opted_out: 0, invalid_phone: 0, duplicate_phone: 0, missing_variable: 0, candidate_deleted: 0 },
};

describe('admin pages in a browser', () => {
  let browser: Browser;
  let page: Page;
  let completed: { documentId: string; name: string };
  let paused: { documentId: string; name: string };
  let approvedTemplateName: string;
  let draftTemplateName: string;

  beforeAll(async () => {
    // A campaign sent for real through the emulator: 2 sent, 1 skipped (opted out).
    const completedName = uniqueName('completed');
    const launched = await completedCampaignWithOneSkipped({ name: completedName });
    completed = { documentId: launched.campaign.documentId, name: completedName };
    approvedTemplateName = launched.template.name;

    // A paused campaign part-way: stats as the plugin stores them when it has no recipients to count.
    const pausedName = uniqueName('paused');
    const created = await createCampaign({ name: pausedName });
    await withDb((client) =>
      client.query(`UPDATE plugin_whatsapp_campaigns SET state = 'paused', started_at = now(), stats = $1 WHERE document_id = $2`, [
        JSON.stringify(PAUSED_STATS),
        created.documentId,
      ])
    );
    paused = { documentId: created.documentId, name: pausedName };

    draftTemplateName = uniqueName('draft').toLowerCase();
    const draft = await contentApi().post('/api/whatsapp/templates').send({ data: { name: draftTemplateName, body: 'Hi {{1}}', variables: { '1': 'Ravi' } } });
    expect(draft.status).toBe(201);

    ({ browser, page } = await openSignedInBrowser());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the side navigation with the four pages', async () => {
    await openPluginPage(page, '');
    await page.waitForURL(/\/plugins\/whatsapp\/inbox$/);
    const nav = page.getByRole('navigation', { name: 'WhatsApp pages' });
    for (const name of ['Inbox', 'Templates', 'Campaigns', 'Sync status']) {
      await nav.getByRole('link', { name }).waitFor();
    }
  });

  it('lists campaigns with their state and progress', async () => {
    await openPluginPage(page, 'campaigns');
    await page.getByRole('heading', { name: 'Campaigns' }).waitFor();
    const pausedRow = page.locator(`tr[data-campaign="${paused.documentId}"]`);
    await pausedRow.waitFor();
    await expectText(pausedRow, 'Paused');
    expect(await pausedRow.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('75');
    await expectText(pausedRow, '3 / 4');

    const completedRow = page.locator(`tr[data-campaign="${completed.documentId}"]`);
    await expectText(completedRow, 'Completed');
    expect(await completedRow.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expectText(completedRow, '3 / 3');
    await screenshot(page, 'campaigns');
  });

  it('opens a campaign: stats chart, skipped reasons, recipients', async () => {
    await page.locator(`tr[data-campaign="${completed.documentId}"]`).click();
    await page.waitForURL(new RegExp(`/campaigns/${completed.documentId}$`));
    await page.getByRole('heading', { name: completed.name }).waitFor();
    await page.getByRole('listitem', { name: 'Skipped: 1' }).waitFor();
    await page.getByText('Opted out', { exact: true }).waitFor();
    // Three recipients under the header row.
    await waitForCount(() => page.locator('table').last().locator('tbody tr').count(), 3);
    // Nothing failed, nothing to pause: a completed campaign offers no action.
    expect(await page.getByRole('button', { name: 'Retry failed' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel campaign' }).count()).toBe(0);
    await screenshot(page, 'campaign');
  });

  it('offers resume and cancel (with a confirmation) on a paused campaign', async () => {
    await openPluginPage(page, `campaigns/${paused.documentId}`);
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await page.getByRole('button', { name: 'Cancel campaign' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Cancel this campaign?').waitFor();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await adminApi().get(`/whatsapp/campaigns/${paused.documentId}`)).body.data.state).toBe('paused');
  });

  it('lists templates with their approval, submit for drafts, and a preview', async () => {
    await openPluginPage(page, 'templates');
    await page.getByRole('button', { name: 'Sync from Twilio' }).waitFor();
    const approvedRow = page.locator('tr', { hasText: approvedTemplateName });
    await expectText(approvedRow, 'Approved');
    const draftRow = page.locator('tr', { hasText: draftTemplateName });
    await expectText(draftRow, 'Draft');
    await draftRow.getByRole('button', { name: 'Submit for approval' }).waitFor();
    expect(await approvedRow.getByRole('button', { name: 'Submit for approval' }).count()).toBe(0);

    await draftRow.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('template-preview').getByText('Hi Ravi').waitFor();
    await screenshot(page, 'templates-preview');
    await page.getByRole('button', { name: 'Close' }).first().click();
  });

  it('runs a status sync and follows it to the end', async () => {
    await openPluginPage(page, 'sync-status');
    await page.getByTestId('awaiting-final').waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const run = page.getByTestId('sync-run');
    await run.getByText('Completed').waitFor({ timeout: 30_000 });
    await run.getByRole('progressbar').waitFor();
    await page.getByRole('button', { name: 'Sync now' }).waitFor();
    await screenshot(page, 'sync-status');
  });

  it('shows the Twilio settings', async () => {
    await page.goto(`${ctx.url}/admin/settings/whatsapp`);
    await page.getByRole('heading', { name: 'WhatsApp settings' }).waitFor();
    await page.getByText('Account SID').first().waitFor();
    await screenshot(page, 'settings');
  });

  it('saves a setting, and shows what the server refuses next to its field', async () => {
    await page.goto(`${ctx.url}/admin/settings/whatsapp`);
    const voice = page.getByLabel('Voice number');
    const service = page.getByLabel('Messaging Service SID');
    await service.fill('MGnope');
    await page.getByRole('button', { name: 'Save' }).click();
    const refusal = 'A Messaging Service SID starts with MG followed by 32 hexadecimal characters';
    await page.locator('[data-strapi-field-error]', { hasText: refusal }).waitFor();
    await page.getByRole('region', { name: /Notifications/ }).getByText(refusal).waitFor();
    await screenshot(page, 'settings-refused');
    expect((await adminApi().get('/whatsapp/settings')).body.data.messagingServiceSid ?? '').toBe('');

    await service.fill('');
    await voice.fill('+15005550009');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved').first().waitFor();
    expect((await adminApi().get('/whatsapp/settings')).body.data.phoneNumber).toBe('+15005550009');
    await page.reload();
    expect(await page.getByLabel('Voice number').inputValue()).toBe('+15005550009');

    await page.getByLabel('Voice number').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved').first().waitFor();
  });

  it('shows a role only the pages it may read, and no actions it may not run', async () => {
    const reader = await createAdminUserWithActions([actionUid('campaignsRead')]);
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    try {
      const readerPage = await context.newPage();
      await logIn(readerPage, reader.email, reader.password);
      await openPluginPage(readerPage, '');
      await readerPage.waitForURL(/\/plugins\/whatsapp\/campaigns$/);
      const nav = readerPage.getByRole('navigation', { name: 'WhatsApp pages' });
      await nav.getByRole('link', { name: 'Campaigns' }).waitFor();
      expect(await nav.getByRole('link').count()).toBe(1);

      await openPluginPage(readerPage, `campaigns/${paused.documentId}`);
      await readerPage.getByRole('heading', { name: paused.name }).waitFor();
      await readerPage.getByRole('progressbar').first().waitFor();
      expect(await readerPage.getByRole('button', { name: 'Resume' }).count()).toBe(0);
      expect(await readerPage.getByRole('button', { name: 'Cancel campaign' }).count()).toBe(0);

      // A page the role may not read, opened by its address: the admin's no-permission page.
      await openPluginPage(readerPage, 'inbox');
      await readerPage.getByText(NO_PERMISSIONS).waitFor();
      expect(await readerPage.getByRole('heading', { name: 'Inbox' }).count()).toBe(0);
      expect(await readerPage.getByRole('textbox', { name: 'Search conversations' }).count()).toBe(0);
      await nav.getByRole('link', { name: 'Campaigns' }).waitFor();
      await screenshot(readerPage, 'inbox-no-permission');

      await readerPage.goto(`${ctx.url}/admin/settings/whatsapp`);
      await readerPage.getByText(NO_PERMISSIONS).waitFor();
      expect(await readerPage.getByRole('heading', { name: 'WhatsApp settings' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

const expectText = async (locator: import('playwright-core').Locator, text: string) => {
  await locator.getByText(text, { exact: true }).first().waitFor();
};

const waitForCount = async (count: () => Promise<number>, expected: number, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  let last = await count();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await count();
  }
  expect(last).toBe(expected);
};
