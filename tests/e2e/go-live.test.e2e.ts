import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { GO_LIVE_CHECKS } from '../../plugins/whatsapp/shared/go-live';
import { adminApi, ctx } from '../integration/helpers/api';
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
