import type { Browser, Page } from 'playwright-core';
import { ctx } from '../integration/helpers/api';
import { uniqueIndianMobile, uniqueName } from '../integration/helpers/data';
import { approvedTemplate, emulatorMessagesOnceSent, emulatorMessagesTo } from '../integration/send/helpers';
import { openPluginPage, openSignedInBrowser } from './helpers/browser';
import { screenshot } from './helpers/screenshots';

/** A screenshot once CSS transitions (buttons turning enabled, dialogs fading in) have settled. */
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await screenshot(page, name);
};

/**
 * What a new user does with `npm run develop` and no phone: a message simulated through the
 * emulator, a reply and its ticks, the window closed through the emulator, a template to reopen
 * it, a new conversation, and drafts that stay with their conversation.
 */
describe('the Inbox walkthrough with the emulator', () => {
  let browser: Browser;
  let page: Page;
  let template: Awaited<ReturnType<typeof approvedTemplate>>;
  const phone = uniqueIndianMobile();
  const name = uniqueName('Walk').replace(/_/g, ' ');

  beforeAll(async () => {
    template = await approvedTemplate('Hello {{1}}, your interview is on {{2}}.', { '1': 'Asha', '2': 'Monday' });
    ({ browser, page } = await openSignedInBrowser());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const dialog = () => page.getByRole('dialog');

  const chooseOption = async (label: string | RegExp, option: string | RegExp) => {
    await dialog().getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  };

  it('shows a simulated incoming message live', async () => {
    await openPluginPage(page, 'inbox');
    await page.getByText('Live', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Simulate an incoming message' }).click();
    await dialog().getByLabel('From (phone number)').fill(phone);
    await dialog().getByLabel('WhatsApp name').fill(name);
    await dialog().getByLabel('Message').fill('Hi, is the interview still on?');
    await shot(page, 'walkthrough-1-simulate-form');
    await dialog().getByRole('button', { name: 'Receive it' }).click();

    const arrived = page.locator('ul > li > button').filter({ hasText: name });
    await arrived.waitFor({ timeout: 15_000 });
    await shot(page, 'walkthrough-2-simulated-arrived');
    await arrived.click();
    await page.getByRole('heading', { name }).waitFor();
    await page.getByText(`Reply window open until`, { exact: false }).waitFor();
    expect(await page.getByText(`from ${ctx.whatsappNumber}`, { exact: false }).count()).toBeGreaterThan(0);
    await shot(page, 'walkthrough-3-thread-window-open');
  });

  it('sends a reply from the conversation sender and shows its ticks', async () => {
    await page.getByLabel('Reply').fill('Yes, see you at 10.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Yes, see you at 10.').waitFor();
    // The emulator moves it sent → delivered → read and calls back; the ticks follow live.
    await page.getByTitle('Read').waitFor({ timeout: 20_000 });
    const [atTwilio] = await emulatorMessagesTo(phone);
    expect(atTwilio).toMatchObject({ from: `whatsapp:${ctx.whatsappNumber}`, body: 'Yes, see you at 10.' });
    await shot(page, 'walkthrough-4-reply-read');
  });

  it('closes the window through the emulator: the composer offers only templates, and a template goes out', async () => {
    await page.getByRole('button', { name: 'Close the reply window (emulator)' }).click();
    await page.getByText('Reply window closed', { exact: false }).first().waitFor({ timeout: 10_000 });
    await page.getByText('The 24-hour reply window is closed', { exact: false }).waitFor();
    expect(await page.getByLabel('Reply').count()).toBe(0);
    await shot(page, 'walkthrough-5-window-closed');

    await page.getByRole('button', { name: 'Send a template' }).click();
    await chooseOption('Approved template', new RegExp(template.name));
    // {{1}} starts as the candidate's name; {{2}} is typed.
    expect(await dialog().getByLabel('Value for {{1}}').inputValue()).toBe(name);
    await dialog().getByLabel('Value for {{2}}').fill('Friday 10:00');
    await dialog().getByTestId('whatsapp-preview').getByText(`Hello ${name}, your interview is on Friday 10:00.`).waitFor();
    expect(await dialog().getByRole('button', { name: 'Send the template' }).isEnabled()).toBe(true);
    await shot(page, 'walkthrough-6-template-dialog');
    await dialog().getByRole('button', { name: 'Send the template' }).click();

    await page.getByText(`Hello ${name}, your interview is on Friday 10:00.`).waitFor({ timeout: 10_000 });
    await page.getByText(`Template ${template.name}`).waitFor();
    // Its own ticks: the reply above is read already, the template follows it to read.
    await page.getByTitle('Read').nth(1).waitFor({ timeout: 20_000 });
    const sent = (await emulatorMessagesTo(phone)).find((message) => message.contentSid === template.contentSid);
    expect(sent).toMatchObject({ from: `whatsapp:${ctx.whatsappNumber}`, contentVariables: { '1': name, '2': 'Friday 10:00' } });
    await shot(page, 'walkthrough-7-template-sent');
  });

  it('keeps a draft with its conversation and never shows it in another one', async () => {
    const other = uniqueName('Other').replace(/_/g, ' ');
    await page.getByRole('button', { name: 'Simulate an incoming message' }).click();
    await dialog().getByLabel('From (phone number)').fill(uniqueIndianMobile());
    await dialog().getByLabel('WhatsApp name').fill(other);
    await dialog().getByLabel('Message').fill('Another question');
    await dialog().getByRole('button', { name: 'Receive it' }).click();
    const otherItem = page.locator('ul > li > button').filter({ hasText: other });
    await otherItem.waitFor({ timeout: 15_000 });
    await otherItem.click();
    await page.getByRole('heading', { name: other }).waitFor();
    await page.getByLabel('Reply').fill('Draft meant for the second candidate only');
    await shot(page, 'walkthrough-8-draft-typed');

    const third = uniqueName('Third').replace(/_/g, ' ');
    await page.getByRole('button', { name: 'Simulate an incoming message' }).click();
    await dialog().getByLabel('From (phone number)').fill(uniqueIndianMobile());
    await dialog().getByLabel('WhatsApp name').fill(third);
    await dialog().getByLabel('Message').fill('Third question');
    await dialog().getByRole('button', { name: 'Receive it' }).click();
    const thirdItem = page.locator('ul > li > button').filter({ hasText: third });
    await thirdItem.waitFor({ timeout: 15_000 });
    await thirdItem.click();
    await page.getByRole('heading', { name: third }).waitFor();
    expect(await page.getByLabel('Reply').inputValue()).toBe('');
    await shot(page, 'walkthrough-9-other-conversation-empty');

    await otherItem.click();
    await page.getByRole('heading', { name: other }).waitFor();
    expect(await page.getByLabel('Reply').inputValue()).toBe('Draft meant for the second candidate only');
  });

  it('starts a new conversation with a template to a typed number, creating its candidate', async () => {
    const newPhone = uniqueIndianMobile();
    await page.getByRole('button', { name: 'New conversation' }).click();
    await dialog().getByRole('radio', { name: 'A phone number' }).click();
    await dialog().getByLabel('WhatsApp number').fill('12345');
    await dialog().getByText('Not a valid number for IN', { exact: false }).waitFor();
    // Typed without the country code: read as an Indian number, as the server will.
    await dialog().getByLabel('WhatsApp number').fill(newPhone.replace('+91', ''));
    await dialog().getByText(`Sends to ${newPhone}`, { exact: false }).waitFor();
    await chooseOption('Approved template', new RegExp(template.name));
    await dialog().getByLabel('Value for {{1}}').fill('Meera');
    await dialog().getByLabel('Value for {{2}}').fill('Tuesday');
    await shot(page, 'walkthrough-10-new-conversation');
    await dialog().getByRole('button', { name: 'Send the template' }).click();

    await page.getByRole('heading', { name: newPhone }).waitFor({ timeout: 15_000 });
    await page.locator('p', { hasText: 'Hello Meera, your interview is on Tuesday.' }).waitFor();
    expect((await emulatorMessagesOnceSent(newPhone))[0]).toMatchObject({ contentSid: template.contentSid });
    await shot(page, 'walkthrough-11-new-conversation-sent');
  });
});
