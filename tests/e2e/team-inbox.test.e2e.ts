import type { Browser, BrowserContext, Page } from 'playwright-core';
import { actionUid } from '../../plugins/whatsapp/shared/permissions';
import { adminApi, ctx } from '../integration/helpers/api';
import { uniqueIndianMobile, uniqueName } from '../integration/helpers/data';
import { createTeam, type Staff } from '../integration/team-inbox/support';
import { INBOUND_PATH, inboundParams, postSigned } from '../integration/webhook/support';
import { launchBrowser, logIn, openPluginPage } from './helpers/browser';
import { screenshot } from './helpers/screenshots';

const ACTIONS = ['messagesRead', 'messagesSend', 'conversationsAssign', 'savedRepliesManage'] as const;

describe('the team inbox in a browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let first: Staff;
  let second: Staff;
  const candidateName = uniqueName('Priya').replace(/_/g, ' ');
  const shortcut = uniqueName('intro').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 20);

  const signedIn = async (member: Staff): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, member.email, member.password);
    return page;
  };

  const listItem = (page: Page) => page.locator('ul > li > button').filter({ hasText: candidateName });

  beforeAll(async () => {
    const team = await createTeam(ACTIONS.map(actionUid), 2, uniqueName('E2e').replace(/_/g, ''));
    [first, second] = team.members as [Staff, Staff];
    const response = await postSigned(INBOUND_PATH, inboundParams({ From: uniqueIndianMobile(), Body: 'Can I come on Friday?', ProfileName: candidateName }));
    expect(response.status).toBe(200);
    await adminApi()
      .post('/whatsapp/saved-replies')
      .send({ data: { shortcut, text: 'Hello {{candidate.name}}, thanks for writing. Friday at 10 works.' } })
      .expect(201);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('assigns a conversation: it is under Mine for that admin only', async () => {
    const page = await signedIn(first);
    await openPluginPage(page, 'inbox');
    await page.getByText('Live', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: /^Unassigned \(\d+\)$/ }).click();
    await listItem(page).click();
    await page.getByRole('heading', { name: candidateName }).waitFor();

    await page.getByRole('combobox', { name: 'Assigned to' }).click();
    await page.getByRole('option', { name: first.name }).click();
    await page.getByText('Conversation assigned').first().waitFor();
    // Assigned away from the Unassigned tab it was opened in.
    await listItem(page).waitFor({ state: 'detached', timeout: 10_000 });

    const mine = page.getByRole('tab', { name: /^Mine \(\d+\)$/ });
    await mine.click();
    await listItem(page).waitFor({ timeout: 10_000 });
    await page.getByRole('tab', { name: 'Mine (1)' }).waitFor();
    expect(await listItem(page).getByText(`→ ${first.name}`).count()).toBe(1);
    await screenshot(page, 'team-inbox-mine');

    const other = await signedIn(second);
    await openPluginPage(other, 'inbox?assignee=mine');
    await other.getByText('Live', { exact: true }).waitFor({ timeout: 30_000 });
    await other.getByRole('tab', { name: 'Mine (0)' }).waitFor();
    expect(await listItem(other).count()).toBe(0);
    await other.getByText('No conversation is assigned to you.', { exact: false }).waitFor();
    await screenshot(other, 'team-inbox-mine-other-admin');
    await other.getByRole('tab', { name: /^All \(\d+\)$/ }).click();
    await listItem(other).waitFor();
    expect(await listItem(other).getByText(`→ ${first.name}`).count()).toBe(1);
  });

  it('adds an internal note, shown apart from the messages with its author', async () => {
    const page = await signedIn(first);
    await openPluginPage(page, 'inbox?assignee=mine');
    await listItem(page).click();
    await page.getByRole('heading', { name: candidateName }).waitFor();
    await page.getByRole('tab', { name: 'Note' }).click();
    await page.getByRole('textbox', { name: 'Internal note (only staff see it)' }).fill('Asked for Friday; check with the ward manager.');
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page.getByTestId('thread-note').filter({ hasText: 'Asked for Friday; check with the ward manager.' });
    await note.waitFor({ timeout: 10_000 });
    expect(await note.getByText(`Internal note by ${first.name}`).count()).toBe(1);
    await screenshot(page, 'team-inbox-note');
  });

  it('inserts a saved reply with /, filled from the candidate, by keyboard', async () => {
    const page = await signedIn(first);
    await openPluginPage(page, 'inbox?assignee=mine');
    await listItem(page).click();
    await page.getByRole('heading', { name: candidateName }).waitFor();
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.click();
    await reply.pressSequentially(`/${shortcut.slice(0, 6)}`);
    const option = page.getByRole('option', { name: new RegExp(`/${shortcut}`) });
    await option.waitFor();
    // The list shows each reply as this candidate would receive it.
    await option.getByText(`Hello ${candidateName}, thanks`, { exact: false }).waitFor();
    await screenshot(page, 'team-inbox-saved-reply-list');
    // Escape closes the list and keeps the text; typing reopens it.
    await page.keyboard.press('Escape');
    await option.waitFor({ state: 'detached' });
    expect(await reply.inputValue()).toBe(`/${shortcut.slice(0, 6)}`);
    await reply.pressSequentially(shortcut.slice(6));
    await option.waitFor();
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await reply.inputValue()).toBe(`Hello ${candidateName}, thanks for writing. Friday at 10 works.`);
    await screenshot(page, 'team-inbox-saved-reply-inserted');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText(`Hello ${candidateName}, thanks for writing.`, { exact: false }).last().waitFor();
    // The draft empties once the send is answered.
    for (let tries = 0; tries < 50 && (await reply.inputValue()) !== ''; tries += 1) await page.waitForTimeout(100);
    expect(await reply.inputValue()).toBe('');
  });

  it('manages saved replies on their own page', async () => {
    const page = await signedIn(first);
    await openPluginPage(page, 'saved-replies');
    await page.getByRole('heading', { name: 'Saved replies' }).waitFor();
    await page.getByTestId(`saved-reply-${shortcut}`).waitFor();
    await page.getByRole('button', { name: 'Add a saved reply' }).first().click();
    const added = `${shortcut}x`;
    await page.getByRole('textbox', { name: 'Shortcut' }).fill(added);
    await page.getByRole('textbox', { name: 'Text' }).fill('Hi {{candidate.firstName}} from {{candidate.attributes.city}}');
    await page.getByTestId('saved-reply-preview').getByText('Hi Asha from Pune').waitFor();
    // The dialog fades in: the picture waits for it.
    await page.waitForTimeout(500);
    await screenshot(page, 'saved-replies-dialog');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId(`saved-reply-${added}`).waitFor();
    await screenshot(page, 'saved-replies-page');
    await page.getByRole('button', { name: `Delete /${added}` }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByTestId(`saved-reply-${added}`).waitFor({ state: 'detached' });
  });

  it('turns auto-assignment on for a role in the plugin settings', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page);
    await page.goto(`${ctx.url}/admin/settings/whatsapp`);
    await page.getByRole('heading', { name: 'Team inbox: auto-assignment' }).waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Shared among the active admins of' }).click();
    await page.getByRole('option', { name: /\(2 active\)$/ }).first().click();
    await page.getByRole('checkbox', { name: 'Assign new conversations automatically' }).click();
    await page.getByRole('button', { name: 'Apply auto-assignment' }).click();
    await page.getByText('Auto-assignment saved').first().waitFor();
    await screenshot(page, 'settings-auto-assign');
    const saved = await adminApi().get('/whatsapp/team-inbox/settings').expect(200);
    expect(saved.body.data.enabled).toBe(true);
    await adminApi().put('/whatsapp/team-inbox/settings').send({ data: { enabled: false, roleId: null } }).expect(200);
  });
});
