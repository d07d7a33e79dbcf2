import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Screenshots of each page and step, for a person to look at (git-ignored). */
export const SCREENSHOTS_DIR = path.resolve(__dirname, '../../../.tmp/e2e-screenshots');

export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) });
};
