import type { Browser, Page } from 'playwright-core';
import { uniqueIndianMobile, uniqueName } from '../integration/helpers/data';
import { INBOUND_PATH, inboundParams, postSigned } from '../integration/webhook/support';
import { openPluginPage, openSignedInBrowser } from './helpers/browser';
import { screenshot } from './helpers/screenshots';

const receive = async (from: string, body: string, profileName: string) => {
  const response = await postSigned(INBOUND_PATH, inboundParams({ From: from, Body: body, ProfileName: profileName }));
  expect(response.status).toBe(200);
};

describe('the Inbox in a browser', () => {
  let browser: Browser;
  let page: Page;
  // More conversations than the list's first page (50), so "Load more" has something to load.
  const seeded = 55;

  beforeAll(async () => {
    for (let start = 0; start < seeded; start += 11) {
      await Promise.all(
        Array.from({ length: Math.min(11, seeded - start) }, (_, offset) =>
          receive(uniqueIndianMobile(), `Seeded question ${start + offset}`, `Seeded ${start + offset}`)
        )
      );
    }
    ({ browser, page } = await openSignedInBrowser());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const listedConversations = () => page.locator('ul > li > button');

  it('shows a message received while the page is open, without a reload', async () => {
    await openPluginPage(page, 'inbox');
    await page.getByText('Live', { exact: true }).waitFor({ timeout: 30_000 });
    const name = uniqueName('Live').replace(/_/g, ' ');
    await receive(uniqueIndianMobile(), 'Is the interview still on at 10?', name);

    const arrived = listedConversations().filter({ hasText: name });
    await arrived.waitFor({ timeout: 15_000 });
    expect(await arrived.getByText('Is the interview still on at 10?').count()).toBe(1);
    await screenshot(page, 'inbox-live-arrival');

    await arrived.click();
    await page.getByRole('heading', { name }).waitFor();
    await page.getByText('Is the interview still on at 10?').last().waitFor();
    await screenshot(page, 'inbox-thread');
  });

  it('loads the next conversations by cursor', async () => {
    await openPluginPage(page, 'inbox');
    await listedConversations().first().waitFor();
    expect(await listedConversations().count()).toBe(50);
    await page.getByRole('button', { name: 'Load more conversations' }).click();
    await listedConversations().nth(50).waitFor({ timeout: 15_000 });
    const names = await listedConversations().allInnerTexts();
    expect(names.length).toBeGreaterThan(seeded);
    // Each conversation once: the second page continues the first, it does not repeat it.
    expect(new Set(names).size).toBe(names.length);
    await screenshot(page, 'inbox-load-more');
  });
});
