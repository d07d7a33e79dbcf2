import type { Browser, Page } from 'playwright-core';
import { uniqueName } from '../integration/helpers/data';
import { listContent } from '../integration/templates/emulator-content';
import { openPluginPage, openSignedInBrowser } from './helpers/browser';
import { screenshot } from './helpers/screenshots';

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await screenshot(page, name);
};

describe('the template editor in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openSignedInBrowser());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('writes a template with two placeholders, previews it and submits it: Twilio receives it for approval', async () => {
    const name = uniqueName('welcome').toLowerCase();
    await openPluginPage(page, 'templates');
    await page.getByRole('link', { name: 'Create a template' }).first().click();
    await page.getByRole('heading', { name: 'New template' }).waitFor();

    // The name is checked as typed against WhatsApp's rule.
    await page.getByLabel('Name').fill('Welcome Message');
    await page.getByText('Use lowercase letters, digits and underscores only', { exact: false }).waitFor();
    await page.getByLabel('Name').fill(name);
    expect(await page.getByText('Use lowercase letters, digits and underscores only', { exact: false }).count()).toBe(0);

    const body = page.getByLabel('Message');
    await body.fill('Hi ');
    await page.getByRole('button', { name: 'Insert {{1}}' }).click();
    await body.press('End');
    await body.pressSequentially(', your interview is on ');
    await page.getByRole('button', { name: 'Insert {{2}}' }).click();
    await body.press('End');
    await body.pressSequentially('.');
    expect(await body.inputValue()).toBe('Hi {{1}}, your interview is on {{2}}.');

    await page.getByLabel('Sample for {{1}}').fill('Asha');
    const preview = page.getByTestId('whatsapp-preview');
    await preview.getByText('Hi Asha, your interview is on {{2}}.').waitFor();
    await page.getByLabel('Sample for {{2}}').fill('12 March');
    await preview.getByText('Hi Asha, your interview is on 12 March.').waitFor();

    await page.getByRole('combobox', { name: 'Media and buttons' }).click();
    await page.getByRole('option', { name: 'Quick-reply buttons' }).click();
    await page.getByLabel('Button 1').fill('Yes');
    await page.getByRole('button', { name: 'Add a button' }).click();
    await page.getByLabel('Button 2').fill('Reschedule');
    await preview.getByText('Reschedule').waitFor();
    await shot(page, 'template-editor-1-preview');

    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByText(`Draft "${name}" saved`, { exact: false }).waitFor();
    await page.waitForURL((url) => !url.pathname.endsWith('/new'));
    expect((await listContent()).some((content) => content.friendlyName === name)).toBe(false);
    await shot(page, 'template-editor-2-draft-saved');

    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByText(`"${name}" was submitted for WhatsApp approval.`).waitFor({ timeout: 15_000 });
    const content = (await listContent()).find((item) => item.friendlyName === name);
    expect(['received', 'pending']).toContain(content?.approval.status);
    expect(content).toMatchObject({
      variables: { '1': 'Asha', '2': '12 March' },
      types: { 'twilio/quick-reply': { body: 'Hi {{1}}, your interview is on {{2}}.', actions: [{ title: 'Yes' }, { title: 'Reschedule' }] } },
    });

    // Twilio holds it now: the page says so, the form is read-only, and a new version is offered.
    await page.getByText('Twilio holds this template', { exact: false }).waitFor();
    expect(await page.getByLabel('Name').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save as draft' }).count()).toBe(0);
    await shot(page, 'template-editor-3-submitted');

    await page.getByRole('button', { name: 'Create a new version' }).click();
    await page.getByRole('heading', { name: `${name}_v2` }).waitFor();
    expect(await page.getByLabel('Name').isDisabled()).toBe(false);
    await shot(page, 'template-editor-4-new-version');
  });
});
