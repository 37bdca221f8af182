// The API explorer at /api, in Chromium against the real built server:
// log in through the form, send requests from the page, check accessibility, and
// save the README's screenshot (e2e/screenshots/explorer.png, not in git).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, loginAs } from './support/browser';
import { checkScreen } from './support/screens';
import { startTestServer, type TestServer } from './support/server';

const screenshots = path.resolve(import.meta.dirname, 'screenshots');

describe('the API explorer at /api', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    // The explorer reports problems in the page; any alert() is a failure.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await loginAs(page, server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const card = (summary: string) => page.getByRole('region', { name: summary, exact: true });

  it('redirects a visitor without a session to /login', async () => {
    const anonymous = await browser.newContext();
    const other = await anonymous.newPage();
    await other.goto(`${server.url}/api`);
    assert.equal(new URL(other.url()).pathname, '/login');
    await anonymous.close();
  });

  it('sends "Get List of Posts" and "Add a Like" with its prefilled body, with no axe violations', async () => {
    await page.goto(`${server.url}/api`);
    await page.getByRole('heading', { level: 1, name: 'API explorer' }).waitFor();
    for (const group of [
      'Posts',
      'Comments',
      'Followers',
      'Following',
      'Profile',
      'Suggestions',
      'Stories',
      'Bookmarks',
      'Post Likes',
      'Access Tokens',
    ]) {
      await page.getByRole('heading', { level: 2, name: group, exact: true }).waitFor();
    }

    const posts = card('Get List of Posts');
    await posts.getByRole('button', { name: 'Send' }).click();
    await posts.getByRole('status').filter({ hasText: '200 OK' }).waitFor();
    const postsBody = await posts
      .getByRole('region', { name: 'Answer body of Get List of Posts' })
      .textContent();
    const listed = JSON.parse(postsBody ?? '') as { id: number; image_url: string }[];
    assert.ok(
      listed.length > 0 && typeof listed[0]?.image_url === 'string',
      'the answer shows posts',
    );

    const like = card('Add a Like');
    const prefilled = JSON.parse(await like.getByLabel('Request body (JSON)').inputValue()) as {
      post_id: number;
    };
    assert.ok(Number.isInteger(prefilled.post_id), 'the body names a real post');
    await like.getByRole('button', { name: 'Send' }).click();
    await like.getByRole('status').filter({ hasText: '201 Created' }).waitFor();
    const created = JSON.parse(
      (await like.getByRole('region', { name: 'Answer body of Add a Like' }).textContent()) ?? '',
    ) as { post_id: number };
    assert.equal(created.post_id, prefilled.post_id);

    await expectNoAxeViolations(page, '/api');
    mkdirSync(screenshots, { recursive: true });
    // The README shows an endpoint with its parameters, example and answer.
    await page.evaluate(() => document.getElementById('get-list-of-posts')?.scrollIntoView());
    await page.screenshot({ path: path.join(screenshots, 'explorer.png') });
  });

  it("wears the app's header and says what every body field means, at 390 and 1280 px", async () => {
    await page.goto(`${server.url}/api`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // The client's navigation bar: the logo back to the feed, its pages, API as the current one.
    assert.equal(await nav.getByRole('link', { name: 'Photo App' }).getAttribute('href'), '/');
    for (const name of ['New post', 'Bookmarks', 'Network', 'Settings', 'OpenAPI document']) {
      await nav.getByRole('link', { name, exact: true }).waitFor();
    }
    assert.equal(
      await nav.getByRole('link', { name: 'API', exact: true }).getAttribute('aria-current'),
      'page',
    );
    await nav.getByRole('link', { name: /^Your profile: webdev/ }).waitFor();
    await nav.getByRole('button', { name: 'Log out' }).waitFor();
    // The app's accent (indigo-600), not another blue.
    const accent = await page
      .getByRole('link', { name: 'Tokens and code snippets' })
      .first()
      .evaluate((link) => getComputedStyle(link).color);
    assert.equal(accent, 'rgb(79, 70, 229)');

    const createPost = card('Create Post');
    const rows = createPost.getByRole('table').getByRole('row');
    await rows.first().waitFor();
    for (const field of ['image_url', 'caption', 'alt_text']) {
      const row = rows.filter({ hasText: field });
      const meaning = ((await row.getByRole('cell').nth(2).textContent()) ?? '').trim();
      assert.ok(meaning.length > 10, `the Meaning of ${field} is "${meaning}"`);
    }
    await checkScreen(page, 'explorer-create-post', async () => {
      await createPost.scrollIntoViewIfNeeded();
    });
  });

  it('reports an invalid JSON body next to the field instead of in an alert box', async () => {
    const comment = card('Add Comment');
    const body = comment.getByLabel('Request body (JSON)');
    await body.fill('{"post_id": 1, "text": ');
    await comment.getByRole('button', { name: 'Send' }).click();
    assert.equal(await body.getAttribute('aria-invalid'), 'true');
    const describedBy = await body.getAttribute('aria-describedby');
    assert.ok(describedBy);
    assert.match(
      (await page.locator(`[id="${describedBy}"]`).textContent()) ?? '',
      /not valid JSON/,
    );
    assert.deepEqual(dialogs, []);
  });

  it('is operable with the keyboard: the skip link and Enter on Send', async () => {
    await page.goto(`${server.url}/api`);
    const profile = card('Get Profile');
    await profile.getByRole('button', { name: 'Send' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Skip to the endpoints',
    );
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await profile.getByRole('button', { name: 'Send' }).focus();
    await page.keyboard.press('Enter');
    await profile.getByRole('status').filter({ hasText: '200 OK' }).waitFor();
    assert.match(
      (await profile.getByRole('region', { name: 'Answer body of Get Profile' }).textContent()) ??
        '',
      /"username": "webdev"/,
    );
  });

  it('gets a token pair for external clients and puts the token into the snippets', async () => {
    const panel = page.getByRole('region', { name: 'Tokens for external clients' });
    await panel.getByLabel('Password').fill('password');
    await panel.getByRole('button', { name: 'Get tokens' }).click();
    const token = panel.getByText(/^eyJ/).first();
    await token.waitFor();
    const accessToken = (await token.textContent()) ?? '';
    const curl = (await panel.getByRole('region', { name: 'curl snippet' }).textContent()) ?? '';
    assert.ok(curl.includes(`Authorization: Bearer ${accessToken}`), curl);
    assert.ok(curl.includes(server.url));
  });
});
