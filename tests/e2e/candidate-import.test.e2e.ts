import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { adminApi } from '../integration/helpers/api';
import { openPluginPage, openSignedInBrowser } from './helpers/browser';
import { screenshot } from './helpers/screenshots';

const ROWS = 60_000;

/** A CSV of ROWS new candidates (enough for the import to last a few polls of the window) (numbers +917… no other test uses), two bad numbers and one repeat. */
const writeCsv = (): { file: string; prefix: string } => {
  const prefix = `+917${crypto.randomInt(1000, 9999)}`;
  const lines = ['Full name;Mobile No;Tags;City'];
  for (let index = 0; index < ROWS; index += 1) lines.push(`Student ${index};${prefix}${String(index).padStart(5, '0')};batch-a,java;Pune`);
  lines.push('Nobody;12345;;', 'Typo;98765;;', `Again;${prefix}00000;;`);
  const file = path.join(os.tmpdir(), `import-${prefix.slice(1)}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, prefix };
};

describe('Candidates page: import a CSV', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openSignedInBrowser());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('maps the columns, shows the dry run, imports with a progress bar and comes back to it from the page', async () => {
    const { file, prefix } = writeCsv();
    await openPluginPage(page, 'candidates');
    await page.getByRole('heading', { name: 'Candidates' }).waitFor();
    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles(file);

    // "Mobile No" is not a header the guess knows: the mapper asks for the phone column.
    await dialog.locator('tr[data-column="Mobile No"]').waitFor();
    await dialog.getByTestId('mapping-problem').waitFor();
    expect(await dialog.getByRole('button', { name: 'Check the file (dry run)' }).isDisabled()).toBe(true);
    await dialog.getByRole('combobox', { name: 'Where "Mobile No" goes' }).click();
    await page.getByRole('option', { name: 'Phone number' }).click();
    expect(await dialog.getByRole('combobox', { name: 'Where "Full name" goes' }).textContent()).toContain('Name');
    expect(await dialog.getByRole('textbox', { name: 'Attribute key of "City"' }).inputValue()).toBe('city');
    await screenshot(page, 'candidate-import-mapper');

    await dialog.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await dialog.getByText('Dry run: what the import will do').waitFor({ timeout: 60_000 });
    const counts = dialog.getByTestId('import-counts');
    await screenshot(page, 'candidate-import-dry-run');
    await counts.getByText(/60,000 to create/).waitFor();
    await counts.getByText(/3 invalid/).waitFor();
    await dialog.getByRole('combobox', { name: 'Show rows' }).click();
    await page.getByRole('option', { name: 'Invalid' }).click();
    await dialog.locator('tr[data-row="60004"]').getByText('Duplicate of row 2').waitFor();
    await dialog.locator('tr[data-row="60002"]').getByText(/not a valid phone number/).waitFor();
    await screenshot(page, 'candidate-import-dry-run');
    // A dry run wrote nothing.
    expect((await adminApi().get('/whatsapp/candidates').query({ search: prefix.slice(1) }).expect(200)).body.meta.pagination.total).toBe(0);

    await dialog.getByRole('button', { name: /Import 60,000 candidates/ }).click();
    const bar = dialog.getByRole('progressbar', { name: 'Importing' });
    await bar.waitFor();
    // The bar moves forward while the import runs.
    const seen: number[] = [];
    for (let poll = 0; poll < 600 && !seen.some((value) => value > 0 && value < 100); poll += 1) {
      const value = await bar.getAttribute('aria-valuenow', { timeout: 100 }).catch(() => null);
      if (value === null) break;
      seen.push(Number(value));
      await page.waitForTimeout(50);
    }
    expect(seen.some((value) => value > 0 && value < 100)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await screenshot(page, 'candidate-import-progress');
    // Leave the window while it runs: the page shows the import, and opens it again.
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    const banner = page.getByTestId('import-banner');
    await banner.waitFor();
    await screenshot(page, 'candidate-import-banner');
    await banner.getByRole('button', { name: 'Open' }).first().click();
    await page.getByRole('dialog').getByText('Import finished').waitFor({ timeout: 120_000 });
    const done = page.getByRole('dialog').getByTestId('import-counts');
    await done.getByText(/60,000 created/).waitFor();
    await done.getByText(/3 invalid/).waitFor();
    await screenshot(page, 'candidate-import-done');

    const stored = await adminApi().get('/whatsapp/candidates').query({ search: `${prefix.slice(1)}00017` }).expect(200);
    expect(stored.body.data).toHaveLength(1);
    expect(stored.body.data[0]).toMatchObject({ name: 'Student 17', tags: ['batch-a', 'java'], attributes: { city: 'Pune' }, optIn: 'unknown' });
    fs.rmSync(file, { force: true });
  });
});
