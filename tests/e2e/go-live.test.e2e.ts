import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { GO_LIVE_CHECKS } from '../../plugins/whatsapp/shared/go-live';
import { adminApi, apiAt, ctx } from '../integration/helpers/api';
import { uniqueIndianMobile } from '../integration/helpers/data';
import { emulatorControl } from '../integration/helpers/emulator';
import { startIsolatedApp, type IsolatedApp } from '../integration/setup/isolated-app';
import { openSignedInBrowser } from './helpers/browser';
import { screenshot, SCREENSHOTS_DIR } from './helpers/screenshots';

/**
 * Settings → WhatsApp → Go live on the develop-like setup (the bundled emulator, its sender,
 * WHATSAPP_PUBLIC_URL on this machine): the stage, the next step, every check with its state.
 */
describe('Settings → Go live in a browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openSignedInBrowser());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  const stateOf = async (id: string) => page.locator(`section[data-check="${id}"]`).getAttribute('data-state');

  it('is linked from the WhatsApp settings and shows the emulator stage, the sandbox step and the next step', async () => {
    await page.goto(`${ctx.url}/admin/settings/whatsapp`);
    await page.getByRole('link', { name: 'Go live' }).click();
    await page.waitForURL(/\/admin\/settings\/whatsapp-go-live$/);
    await page.getByRole('heading', { name: 'Go live', level: 1 }).waitFor();

    const summary = page.getByTestId('go-live-summary');
    await summary.getByText('On the bundled Twilio emulator: nothing reaches real phones').waitFor({ timeout: 30_000 });
    // What the server says is the next step is what the page shows, and that step is marked.
    const report = (await adminApi().get('/whatsapp/settings/checks').expect(200)).body.data;
    expect(report.nextStep).not.toBeNull();
    await summary.getByText(`Next step: ${report.nextStep.title}.`).waitFor();
    const next = page.locator(`section[data-check="${report.nextStep.check}"]`);
    await next.getByText('Next step', { exact: true }).waitFor();

    // The sandbox step comes first, with its state and reason.
    const sandbox = page.locator('section[data-check="sandbox"]');
    await sandbox.getByRole('heading', { name: 'WhatsApp sandbox' }).waitFor();
    expect(await stateOf('sandbox')).toBe('ok');
    await sandbox.getByText(/Not sending from the sandbox \(sender \+15005550006\)/).waitFor();
    expect(await page.locator('section[data-check]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-check')))).toEqual([...GO_LIVE_CHECKS]);
    await screenshot(page, 'go-live');
  });

  it('"Run all checks" ends with each check’s state', async () => {
    const button = page.getByRole('button', { name: 'Run all checks' });
    const refreshed = page.waitForResponse((response) => response.url().includes('/whatsapp/settings/checks') && response.status() === 200);
    await button.click();
    const answer = (await (await refreshed).json()) as { data: { checks: Array<{ id: string; state: string }> } };
    await page.locator('[aria-busy="false"]').waitFor();
    for (const check of answer.data.checks) {
      expect(['ok', 'warning', 'failing']).toContain(check.state);
      expect(await stateOf(check.id)).toBe(check.state);
      const badge = { ok: 'OK', warning: 'Warning', failing: 'Failing' }[check.state]!;
      await page.locator(`section[data-check="${check.id}"]`).getByText(badge, { exact: true }).waitFor();
    }
    // The emulator accepts the credentials and the probe comes back through the public URL.
    expect(await stateOf('credentials')).toBe('ok');
    expect(await stateOf('public-url')).toBe('ok');
    await page.locator('section[data-check="credentials"]').getByRole('link', { name: 'Twilio console: Account info' }).waitFor();
    await page.locator('button:has-text("Run all checks"):not([disabled])').waitFor();
    await screenshot(page, 'go-live-run-all');
    // The admin scrolls its content area, not the page: the later steps in a second picture.
    await page.locator('section[data-check="status-callbacks"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'go-live-run-all-end');
  });

  it('runs one check on its own', async () => {
    const section = page.locator('section[data-check="webhook"]');
    const ran = page.waitForResponse((response) => response.url().includes('/whatsapp/settings/checks?check=webhook') && response.status() === 200);
    await section.getByRole('button', { name: 'Run this check' }).click();
    const answer = (await (await ran).json()) as { data: { checks: Array<{ id: string; state: string; reason: string }> } };
    expect(answer.data.checks.map((check) => check.id)).toEqual(['webhook']);
    await section.getByText(answer.data.checks[0]!.reason).waitFor();
    await section.screenshot({ path: path.join(SCREENSHOTS_DIR, 'go-live-webhook.png') });
  });
});

/**
 * The sandbox stage: another app on the same emulator, sending from Twilio's sandbox number, with
 * one send that failed with 63015 (the recipient never joined): the sandbox step comes first
 * with the join instructions as the next step.
 */
describe('Settings → Go live on the WhatsApp sandbox', () => {
  const SANDBOX = '+14155238886';
  let app: IsolatedApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startIsolatedApp('whatsapp_golive_sandbox', { TWILIO_WHATSAPP_NUMBER: `whatsapp:${SANDBOX}`, WHATSAPP_MPS: '50' });
    const candidate = uniqueIndianMobile();
    await emulatorControl('/inbound', { method: 'POST', body: { from: candidate, to: `whatsapp:${SANDBOX}`, body: 'Hi', url: `${app.url}/api/whatsapp/webhook` } });
    await emulatorControl('/failures', { method: 'POST', body: { kind: 'error', code: 63015, to: candidate } });
    const sent = await apiAt(app.url, app.adminJwt).post('/whatsapp/messages').send({ data: { to: candidate, body: 'Interview tomorrow at 10' } });
    expect(sent.status).toBe(201);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const check = await apiAt(app.url, app.adminJwt).get('/whatsapp/settings/checks').query({ check: 'sandbox' });
      if (check.body.data.checks[0].details.failures === 1) break;
      if (Date.now() > deadline) throw new Error(`the 63015 failure was not recorded: ${JSON.stringify(check.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    ({ browser } = await openSignedInBrowser());
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${app.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(ctx.adminEmail);
    await page.locator('input[name="password"]').fill(ctx.adminPassword);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the sandbox step with its 63015 failures and the join instructions as the next step', async () => {
    await page.goto(`${app.url}/admin/settings/whatsapp-go-live`);
    const summary = page.getByTestId('go-live-summary');
    await summary.getByText('Next step: WhatsApp sandbox.').waitFor({ timeout: 30_000 });
    await summary.getByText(/join <your sandbox code>/).waitFor();
    const sandbox = page.locator('section[data-check="sandbox"]');
    expect(await sandbox.getAttribute('data-state')).toBe('warning');
    await sandbox.getByText('Next step', { exact: true }).waitFor();
    await sandbox.getByText(/1 send to 1 number failed with error 63015/).waitFor();
    await sandbox.getByText('Failures 63015 (last 7 days):').waitFor();
    const sender = page.locator('section[data-check="sender"]');
    expect(await sender.getAttribute('data-state')).toBe('warning');
    await sender.getByText(/Register your own WhatsApp sender/).waitFor();
    const webhook = page.locator('section[data-check="webhook"]');
    await webhook.getByText(/Paste .*\/api\/whatsapp\/webhook into Messaging › Try it out › Send a WhatsApp message › Sandbox settings/).waitFor();
    await screenshot(page, 'go-live-sandbox');
  });
});
