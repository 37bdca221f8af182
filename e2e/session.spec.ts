// The session end to end: an expired access token is renewed without the user
// noticing; a session that cannot be renewed, and Log out, end at the login page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, firstSwitchOff, launchBrowser, loginAs } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let browser: Browser;

async function loggedInPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await loginAs(page, server.url);
  await page
    .getByRole('article', { name: /^Post by / })
    .first()
    .waitFor();
  return { context, page };
}

describe('the session', () => {
  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps no token in localStorage or sessionStorage', async () => {
    const { context, page } = await loggedInPage();
    const stored = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    assert.doesNotMatch(stored, /eyJ/);
    await context.close();
  });

  it('renews an expired access token with the refresh cookie and retries without the user noticing', async () => {
    const { context, page } = await loggedInPage();
    // The access token is gone (as when it expires): the next API call gets a 401.
    await context.clearCookies({ name: 'access_token_cookie' });

    const like = await firstSwitchOff(page, /^Like /);
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/')) statuses.push(response.status());
    });
    const refreshed = page.waitForResponse((response) =>
      response.url().endsWith('/api/token/refresh'),
    );
    const liked = page.waitForResponse(
      (response) => response.url().endsWith('/api/likes') && response.status() === 201,
    );
    await like.click();
    assert.equal((await refreshed).ok(), true);
    await liked;

    assert.deepEqual(statuses.slice(0, 3), [401, 200, 201]);
    assert.equal(page.url(), `${server.url}/`);
    assert.equal(await like.getAttribute('aria-checked'), 'true');
    const cookies = await context.cookies();
    assert.ok(cookies.some((cookie) => cookie.name === 'access_token_cookie'));
    await context.close();
  });

  it('goes to the login page when the session cannot be renewed', async () => {
    const { context, page } = await loggedInPage();
    await context.clearCookies({ name: 'access_token_cookie' });
    await context.clearCookies({ name: 'refresh_token_cookie' });
    await page
      .getByRole('switch', { name: /^Like / })
      .first()
      .click();
    await page.waitForURL(`${server.url}/login`);
    await context.close();
  });

  it('logs out with the navbar link and lands on the login page', async () => {
    const { context, page } = await loggedInPage();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await expectNoAxeViolations(page, 'the login page');
    // The app is closed to a logged-out visitor.
    await page.goto(`${server.url}/bookmarks`);
    assert.equal(page.url(), `${server.url}/login`);
    await context.close();
  });
});
