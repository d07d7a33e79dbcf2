import type { Browser, Page } from 'playwright-core';
import { adminApi, contentApi } from '../integration/helpers/api';
import { uniqueIndianMobile, uniqueName } from '../integration/helpers/data';
import { approvedTemplate, emulatorMessagesOnceSent } from '../integration/send/helpers';
import { openPluginPage, openSignedInBrowser } from './helpers/browser';
import { screenshot } from './helpers/screenshots';

/** Picks `text` in a design-system combobox (typed, then chosen from its list). */
const chooseInCombobox = async (page: Page, label: string, typed: string, option: string) => {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe('Candidates page in a browser', () => {
  let browser: Browser;
  let page: Page;
  const tag = uniqueName('intake').toLowerCase();
  const name = uniqueName('Kavya');
  const national = uniqueIndianMobile().slice(3);
  let optedOut: { documentId: string; name: string };
  let templateName: string;
  let templateSid: string | null;

  beforeAll(async () => {
    const created = await contentApi()
      .post('/api/whatsapp/candidates')
      .send({ data: { name: uniqueName('Stopped'), phone: uniqueIndianMobile(), optIn: 'opted_out', tags: [tag] } })
      .expect(201);
    optedOut = { documentId: created.body.data.documentId, name: created.body.data.name };
    const template = await approvedTemplate('Hello {{1}}, we have news about your application.', { '1': 'Asha' });
    templateName = template.name;
    templateSid = template.contentSid;
    ({ browser, page } = await openSignedInBrowser());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('adds a candidate: the number checked as typed and shown in E.164, tags as chips, attributes as key/value', async () => {
    await openPluginPage(page, 'candidates');
    await page.getByRole('heading', { name: 'Candidates' }).waitFor();
    await page.getByRole('button', { name: 'Add a candidate' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(name);
    const phone = dialog.getByLabel('WhatsApp number');
    await phone.fill('12345678');
    await dialog.getByText(/Not a valid number/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Add candidate' }).isDisabled()).toBe(true);
    await phone.fill(`${national.slice(0, 5)} ${national.slice(5)}`);
    await dialog.getByText(`Saved as +91${national}`, { exact: false }).waitFor();
    await chooseInCombobox(page, 'Add a tag', tag, `Add tag "${tag}"`);
    await dialog.getByRole('button', { name: `Remove ${tag}` }).waitFor();
    await dialog.getByRole('button', { name: 'Add an attribute' }).click();
    await dialog.getByRole('textbox', { name: 'Attribute name' }).fill('city');
    await dialog.getByRole('textbox', { name: 'Value of city' }).fill('Pune');
    await screenshot(page, 'candidates-form');
    await dialog.getByRole('button', { name: 'Add candidate' }).click();
    await page.getByText('Candidate added').first().waitFor();

    const stored = await adminApi().get('/whatsapp/candidates').query({ search: name }).expect(200);
    expect(stored.body.data).toHaveLength(1);
    expect(stored.body.data[0]).toMatchObject({ name, phone: `+91${national}`, tags: [tag], attributes: { city: 'Pune' }, optIn: 'unknown' });
  });

  it('starts a conversation with a candidate from their row: a template, prefilled from their fields', async () => {
    await openPluginPage(page, 'candidates');
    const [candidate] = (await adminApi().get('/whatsapp/candidates').query({ search: name }).expect(200)).body.data as Array<{ documentId: string }>;
    await page.getByPlaceholder('Search by name, number or e-mail').fill(name);
    await waitForRows(page, 1);
    await page.locator(`tr[data-candidate="${candidate!.documentId}"]`).getByRole('button', { name: 'Message' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Approved template' }).click();
    await page.getByRole('option', { name: new RegExp(templateName) }).click();
    expect(await dialog.getByLabel('Value for {{1}}').inputValue()).toBe(name);
    await screenshot(page, 'candidates-message');
    await dialog.getByRole('button', { name: 'Send the template' }).click();

    await page.waitForURL(/\/inbox/);
    await page.locator('p', { hasText: `Hello ${name}, we have news about your application.` }).waitFor({ timeout: 15_000 });
    const atTwilio = await emulatorMessagesOnceSent(`+91${national}`);
    expect(atTwilio).toHaveLength(1);
    expect(atTwilio[0]).toMatchObject({ contentSid: templateSid });
  });

  it('finds candidates by search and filters, with opted-out candidates marked', async () => {
    await openPluginPage(page, 'candidates');
    await page.getByPlaceholder('Search by name, number or e-mail').fill(national.slice(-6));
    // The list keeps its rows until the search's answer replaces them.
    await waitForRows(page, 1);
    await page.locator('tbody tr', { hasText: name }).waitFor();
    await page.getByRole('button', { name: 'Clear the search' }).click();

    await chooseInCombobox(page, 'Filter by tag', tag, tag);
    await page.getByText(`Tag: ${tag}`).waitFor();
    await page.locator('tbody tr', { hasText: optedOut.name }).waitFor();
    await waitForRows(page, 2);
    const row = page.locator(`tr[data-candidate="${optedOut.documentId}"]`);
    expect(await row.getAttribute('data-opted-out')).toBe('true');
    await row.getByText('Opted out').waitFor();
    await page.getByRole('combobox', { name: 'Opt-in' }).click();
    await page.getByRole('option', { name: 'Opted out' }).click();
    await waitForRows(page, 1);
    await screenshot(page, 'candidates-filtered');
  });

  it('opts an opted-out candidate back in only with a reason, which is recorded', async () => {
    await page.locator(`tr[data-candidate="${optedOut.documentId}"]`).getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('This candidate opted out').waitFor();
    await dialog.getByRole('combobox', { name: 'WhatsApp opt-in' }).click();
    await page.getByRole('option', { name: 'Opted in' }).click();
    const save = dialog.getByRole('button', { name: 'Save' });
    expect(await save.isDisabled()).toBe(true);
    await dialog.getByLabel('Why are they opted back in?').fill('Called the office on 5 Dec asking for updates');
    await screenshot(page, 'candidates-opt-back-in');
    await save.click();
    await page.getByText('Candidate saved').first().waitFor();
    const stored = (await adminApi().get(`/whatsapp/candidates/${optedOut.documentId}`).expect(200)).body.data;
    expect(stored.optIn).toBe('opted_in');
    expect(stored.optInSource).toContain('Called the office on 5 Dec asking for updates');
  });

  it('starts a campaign from a selection', async () => {
    await openPluginPage(page, 'candidates');
    await chooseInCombobox(page, 'Filter by tag', tag, tag);
    await waitForRows(page, 2);
    await page.getByRole('checkbox', { name: 'Select every candidate on this page' }).click();
    await page.getByTestId('selection-bar').getByText('2 candidates selected').waitFor();
    await screenshot(page, 'candidates-selection');
    await page.getByRole('button', { name: 'Start a campaign with them' }).click();
    await page.waitForURL(/\/campaigns\/new$/);
    await page.getByRole('heading', { name: 'New campaign' }).waitFor();
    await page.getByLabel('Campaign name').fill(uniqueName('from selection'));
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: new RegExp(templateName) }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const chosen = page.getByTestId('chosen-candidates');
    await chosen.getByText(name, { exact: false }).waitFor();
    await chosen.getByText(optedOut.name, { exact: false }).waitFor();
    await page.getByTestId('preview-send').getByText('2', { exact: true }).waitFor();
    await screenshot(page, 'candidates-selection-wizard');
  });
});

const waitForRows = async (page: Page, expected: number, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  let count = await page.locator('tbody tr').count();
  while (count !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    count = await page.locator('tbody tr').count();
  }
  expect(count).toBe(expected);
};
