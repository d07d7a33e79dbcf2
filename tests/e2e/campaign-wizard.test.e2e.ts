import type { Browser, Page } from 'playwright-core';
import { adminApi, contentApi, ctx } from '../integration/helpers/api';
import { uniqueIndianMobile, uniqueName } from '../integration/helpers/data';
import { approvedTemplate } from '../integration/send/helpers';
import { openPluginPage, openSignedInBrowser } from './helpers/browser';
import { screenshot } from './helpers/screenshots';

const TAG = 'batch-2026';
const BODY = 'Hi {{1}}, your interview for the {{2}} role is on {{3}}. Reply YES to confirm.';

const chooseInCombobox = async (page: Page, label: string, typed: string, option: string) => {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
};

const chooseInSelect = async (page: Page, label: string, option: string) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

/** Adds a candidate through the Candidates page's form. */
const addThroughPage = async (page: Page, candidate: { name: string; national: string; role: string }) => {
  await page.getByRole('button', { name: 'Add a candidate' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(candidate.name);
  await dialog.getByLabel('WhatsApp number').fill(candidate.national);
  await dialog.getByText(`Saved as +91${candidate.national}`, { exact: false }).waitFor();
  await dialog.getByRole('combobox', { name: 'WhatsApp opt-in' }).click();
  await page.getByRole('option', { name: 'Opted in' }).click();
  await chooseInCombobox(page, 'Add a tag', TAG, TAG);
  await dialog.getByRole('button', { name: 'Add an attribute' }).click();
  await dialog.getByRole('textbox', { name: 'Attribute name' }).fill('role');
  await dialog.getByRole('textbox', { name: 'Value of role' }).fill(candidate.role);
  await dialog.getByRole('button', { name: 'Add candidate' }).click();
  await page.getByText('Candidate added').first().waitFor();
  await dialog.waitFor({ state: 'detached' });
};

/** How long the emulator waits between two status steps (queued → sent → delivered → read). */
const setEmulatorStepMs = async (stepMs: number) => {
  const response = await fetch(`${ctx.emulatorUrl}/__emulator/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stepMs }) });
  expect(response.ok).toBe(true);
};

const countOf = async (page: Page, status: string) => {
  const label = await page.locator(`[role="listitem"][data-status="${status}"]`).getAttribute('aria-label');
  return Number(label?.split(': ')[1] ?? 0);
};

describe('New campaign wizard in a browser', () => {
  let browser: Browser;
  let page: Page;
  let template: { name: string; documentId: string };

  beforeAll(async () => {
    template = await approvedTemplate(BODY, { '1': 'Asha', '2': 'Analyst', '3': 'Monday' });
    // 28 of the 30 through the API: one opted out, one without the `role` attribute {{2}} uses.
    for (let start = 0; start < 28; start += 7) {
      await Promise.all(
        Array.from({ length: 7 }, (_, offset) => start + offset).map(async (index) => {
          const data = {
            name: `Batch ${index}`,
            phone: uniqueIndianMobile(),
            tags: [TAG, 'placement'],
            optIn: index === 0 ? 'opted_out' : 'opted_in',
            attributes: index === 1 ? { course: 'BSc' } : { role: 'Analyst' },
          };
          await contentApi().post('/api/whatsapp/candidates').send({ data }).expect(201);
        })
      );
    }
    ({ browser, page } = await openSignedInBrowser());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('adds two candidates tagged batch-2026 through the Candidates page', async () => {
    await openPluginPage(page, 'candidates');
    await page.getByRole('heading', { name: 'Candidates' }).waitFor();
    await addThroughPage(page, { name: 'Priya Nair', national: uniqueIndianMobile().slice(3), role: 'Data analyst' });
    await addThroughPage(page, { name: 'Rohan Das', national: uniqueIndianMobile().slice(3), role: 'Developer' });
    await chooseInCombobox(page, 'Filter by tag', TAG, TAG);
    await page.getByText('30 candidates').waitFor();
    await screenshot(page, 'wizard-0-candidates');
  });

  it('builds the campaign by tag: template, placeholders with a live preview, audience with counts and reasons; launches it', async () => {
    await openPluginPage(page, 'campaigns');
    await page.getByRole('link', { name: 'New campaign' }).first().click();
    await page.waitForURL(/\/campaigns\/new$/);
    const name = uniqueName('Batch 2026 interviews');
    await page.getByLabel('Campaign name').fill(name);
    await screenshot(page, 'wizard-1-name');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('radio', { name: new RegExp(template.name) }).click();
    await page.getByText(BODY).first().waitFor();
    await screenshot(page, 'wizard-2-template');
    await page.getByRole('button', { name: 'Next' }).click();

    // {{1}} is the name by default; {{2}} an attribute; {{3}} a fixed text.
    await chooseInSelect(page, '{{2}} is filled with', 'One of their attributes');
    await page.getByRole('textbox', { name: 'Attribute for {{2}}' }).fill('role');
    await chooseInSelect(page, '{{3}} is filled with', 'The same text for everyone');
    await page.getByRole('textbox', { name: 'Text for {{3}}' }).fill('Friday 10 am');
    // The preview is on a real candidate (the newest: Rohan Das, added last).
    await page.getByTestId('whatsapp-preview').getByText('Hi Rohan Das, your interview for the Developer role is on Friday 10 am. Reply YES to confirm.').waitFor();
    await screenshot(page, 'wizard-3-placeholders');
    await page.getByRole('button', { name: 'Next' }).click();

    await chooseInCombobox(page, 'Has any of these tags', TAG, TAG);
    const preview = page.getByTestId('audience-preview');
    await preview.getByTestId('preview-send').getByText('28', { exact: true }).waitFor();
    await preview.getByText('30 candidates in the audience, 2 skipped').waitFor();
    expect(await preview.getByTestId('preview-skipped-opted_out').innerText()).toMatch(/Opted out\s*1/);
    expect(await preview.getByTestId('preview-skipped-missing_variable').innerText()).toMatch(/A placeholder has no value\s*1/);
    expect(await preview.getByTestId('preview-skipped-invalid_phone').count()).toBe(0);
    await screenshot(page, 'wizard-4-audience');

    // The server agrees.
    const counted = await adminApi()
      .post('/whatsapp/campaigns/preview')
      .send({
        data: {
          template: template.documentId,
          variableMapping: { '1': { source: 'field', field: 'name' }, '2': { source: 'attribute', key: 'role' }, '3': { source: 'text', value: 'Friday 10 am' } },
          audience: { tags: { anyOf: [TAG] } },
        },
      })
      .expect(200);
    expect(counted.body.data).toMatchObject({ total: 30, send: 28, skippedBy: { opted_out: 1, missing_variable: 1 } });

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: 'Launch now' }).waitFor();
    await screenshot(page, 'wizard-5-launch');
    // Slow statuses down, so the page is seen filling step by step.
    const { stepMs } = (await (await fetch(`${ctx.emulatorUrl}/__emulator/config`)).json()) as { stepMs: number };
    await setEmulatorStepMs(1_000);
    try {
      await page.getByRole('button', { name: 'Launch to 28 candidates' }).click();
      await followToTheEnd(page, name);
    } finally {
      await setEmulatorStepMs(stepMs);
    }
  }, 180_000);
});

const followToTheEnd = async (page: Page, name: string) => {

    await page.waitForURL(/\/campaigns\/[a-z0-9]+$/);
    await page.getByRole('heading', { name }).waitFor();
    await screenshot(page, 'wizard-6-launched');
    const progress = page.getByRole('progressbar').first();
    const deadline = Date.now() + 90_000;
    // What the chart showed on the way: read counts seen while some were still sent or delivered.
    const readOnTheWay: number[] = [];
    while ((await progress.getAttribute('aria-valuenow')) !== '100' || (await countOf(page, 'read')) < 28) {
      if (Date.now() > deadline) throw new Error('the campaign never reached 100 % with every message read');
      if ((await countOf(page, 'sent')) + (await countOf(page, 'delivered')) > 0) {
        if (readOnTheWay.length === 0) await screenshot(page, 'wizard-7-sending');
        readOnTheWay.push(await countOf(page, 'read'));
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(readOnTheWay.length).toBeGreaterThan(0);
    expect(Math.min(...readOnTheWay)).toBeLessThan(28);
    expect(await countOf(page, 'skipped')).toBe(2);
    await page.getByText('Opted out', { exact: true }).waitFor();
    await screenshot(page, 'wizard-8-done');
};
