import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { adminApi } from '../integration/helpers/api';
import { uniqueName } from '../integration/helpers/data';
import { removeSeededCampaigns, seededCampaign } from '../integration/exports/helpers';
import { openPluginPage, openSignedInBrowser } from './helpers/browser';
import path from 'node:path';
import { SCREENSHOTS_DIR, screenshot } from './helpers/screenshots';

/** Clicks a download button and parses the file the browser saved. */
const downloadCsv = async (page: Page, click: () => Promise<void>) => {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  const file = await download.path();
  const rows = parse(fs.readFileSync(file!, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
  return { name: download.suggestedFilename(), rows };
};

afterAll(removeSeededCampaigns, 120_000);

describe('Exports and the campaign timeline in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openSignedInBrowser());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('draws the timeline of a campaign as an SVG chart and downloads its recipients', async () => {
    // 60 recipients from 40 minutes ago, a reply 30 minutes after the first: minute buckets.
    const campaign = await seededCampaign(60, { base: new Date(Date.now() - 40 * 60_000) });
    await openPluginPage(page, `campaigns/${campaign.documentId}`);
    const chart = page.getByTestId('campaign-timeline');
    await chart.locator('svg.recharts-surface').first().waitFor({ timeout: 30_000 });
    // One line per series, each drawn (a path with points).
    await chart.locator('.recharts-line-curve').nth(4).waitFor();
    expect(await chart.locator('.recharts-line-curve').count()).toBe(5);
    const drawn = await chart.locator('.recharts-line-curve').evaluateAll((paths) => paths.map((path) => (path.getAttribute('d') ?? '').length));
    expect(drawn.every((length) => length > 10)).toBe(true);
    await expect(chart.locator('[data-series="sent"]').textContent()).resolves.toContain('30');
    await expect(chart.locator('[data-series="replied"]').textContent()).resolves.toContain('1');
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('.recharts-surface').first().hover({ position: { x: 120, y: 100 } });
    await screenshot(page, 'exports-timeline-campaign');
    await page.getByRole('heading', { name: 'Messages over time' }).locator('..').screenshot({ path: path.join(SCREENSHOTS_DIR, 'exports-timeline-chart.png') });

    const { name, rows } = await downloadCsv(page, () => page.getByRole('button', { name: 'Download recipients (CSV)' }).click());
    expect(name).toMatch(/^export-campaign-.*-recipients-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rows).toHaveLength(60);
    expect(rows[0]).toMatchObject({ candidate_name: 'Export 1', status: 'read' });
  });

  it('shows an empty state before anything was sent', async () => {
    const created = await adminApi().post('/whatsapp/campaigns').send({ data: { name: uniqueName('Not sent yet') } });
    const documentId = (created.body.data ?? created.body).documentId as string;
    await openPluginPage(page, `campaigns/${documentId}`);
    await page.getByText('Nothing sent yet: the timeline fills in', { exact: false }).waitFor();
    expect(await page.locator('.recharts-surface').count()).toBe(0);
    await screenshot(page, 'exports-timeline-empty');
  });

  it('exports the candidates of the Candidates page and the messages of the Inbox', async () => {
    await openPluginPage(page, 'candidates');
    const candidates = await downloadCsv(page, () => page.getByRole('button', { name: 'Export (CSV)' }).click());
    expect(candidates.name).toMatch(/^candidates-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(candidates.rows.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(candidates.rows[0]!)).toContain('phone');

    await openPluginPage(page, 'inbox');
    await page.getByRole('button', { name: 'Export messages' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Every message sent or received in these days').waitFor();
    // The dialog fades in: the screenshot waits for it to be drawn whole.
    await page.waitForTimeout(500);
    await screenshot(page, 'exports-messages-dialog');
    const messages = await downloadCsv(page, () => dialog.getByRole('button', { name: 'Download CSV' }).click());
    expect(messages.name).toMatch(/^messages-\d{4}-\d{2}-\d{2}\.csv$/);
    // The seeded campaign's 48 messages and its reply are of the last 30 days.
    expect(messages.rows.length).toBeGreaterThanOrEqual(49);
  });
});
