import { chromium, type Browser, type Page } from 'playwright-core';
import { ctx } from '../../integration/helpers/api';
import { chromiumLaunchOptions } from './chromium';

export const launchBrowser = async (): Promise<Browser> => chromium.launch(chromiumLaunchOptions());

/** A browser with one page at a desktop size, signed in as the super admin. */
export const openSignedInBrowser = async (): Promise<{ browser: Browser; page: Page }> => {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await logIn(page);
  return { browser, page };
};

/** Signs in through the admin's login form, as a person would. */
export const logIn = async (page: Page, email = ctx.adminEmail, password = ctx.adminPassword) => {
  await page.goto(`${ctx.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
};

export const openPluginPage = (page: Page, path: string) => page.goto(`${ctx.url}/admin/plugins/whatsapp/${path}`);
