// Malformed and unknown addresses (issue 11, API.md §6): whatever a person types or
// a broken link sends — a lone %, a cut-off UTF-8 escape, a word where an id goes, a
// bad #fragment on the explorer, paths many segments deep — the logged-in browser
// gets the client's not-found screen with the navigation (or the right page), never
// a blank page, raw JSON or an uncaught error; axe finds nothing at 390 and 1280 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startLoggedInSession, type LoggedInSession } from './support/browser';
import { checkScreen } from './support/screens';

let session: LoggedInSession;
let page: Page;
/** Uncaught errors in the page since the last check (a blank page usually starts as one). */
const pageErrors: string[] = [];

/** The visible text of the document, so a blank page fails with what was there instead. */
const visibleText = () => page.evaluate(() => document.body.innerText.trim());

async function expectNotFoundScreen(path: string): Promise<void> {
  const notFound = page.getByRole('heading', { level: 1, name: 'Page not found' });
  await notFound.waitFor({ timeout: 10_000 }).catch(async () => {
    assert.fail(
      `${path}: no not-found screen; the page says: ${JSON.stringify(await visibleText())}`,
    );
  });
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.getByRole('link', { name: 'Go to your feed' }).waitFor();
}

/** Each not-found screen (a screenshot name and the path that shows it) passes axe at 390 and 1280 px. */
async function checkNotFoundScreens(screens: readonly (readonly [string, string])[]) {
  for (const [name, path] of screens) {
    await checkScreen(page, name, async () => {
      await page.goto(`${session.server.url}${path}`);
      await expectNotFoundScreen(path);
    });
  }
}

/**
 * Loads `path` afresh (from about:blank: a fragment alone would not reload the page)
 * with no page errors recorded yet.
 */
async function loadAfresh(path: string) {
  pageErrors.length = 0;
  await page.goto('about:blank');
  return page.goto(`${session.server.url}${path}`);
}

describe('malformed and unknown addresses', () => {
  before(async () => {
    session = await startLoggedInSession();
    page = session.page;
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  });
  after(() => session?.close());

  // Each as typed into the address bar: Chromium sends a lone % and a cut-off escape as is.
  const notFoundPaths = [
    '/%',
    '/posts/%',
    '/posts/%ZZ',
    '/users/%E0%A4%A',
    '/users/%',
    '/posts/abc',
    '/posts/0x35',
    '/posts/2147483648',
    '/posts/1/edit/again',
    '/users/webdev/posts/1/2/3',
    '/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p',
    `/${'deep/'.repeat(60)}end`,
    '/settings/%/x',
  ];

  for (const path of notFoundPaths) {
    const name = `${path.length > 40 ? `${path.slice(0, 40)}…` : path} shows the not-found screen`;
    it(name, async () => {
      pageErrors.length = 0;
      const response = await page.goto(`${session.server.url}${path}`);
      const status = response?.status();
      // The client's own screen for any path it does not know (API.md §6), a 404. A
      // profile address is the client's route whatever the name (the page asks the
      // API, which answers 404 for nobody): the server sends it with 200.
      const expected = /^\/users\/[^/]+$/.test(path) ? 200 : 404;
      assert.equal(status, expected, `${path}: HTTP ${status}`);
      assert.match(String(response?.headers()['content-type']), /^text\/html/, path);
      await expectNotFoundScreen(path);
      assert.deepEqual(pageErrors, [], `${path}: errors in the page`);
    });
  }

  const axeChecks = [
    [
      'the not-found screens of unknown and malformed paths pass axe at 390 and 1280 px',
      [
        ['not-found-post-word', '/posts/abc'],
        ['not-found-deep', '/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p'],
      ],
    ],
    [
      'the not-found screens of malformed paths pass axe too',
      [
        ['malformed-percent', '/posts/%'],
        ['malformed-utf8', '/users/%E0%A4%A'],
      ],
    ],
  ] as const;
  for (const [name, screens] of axeChecks) it(name, () => checkNotFoundScreens(screens));

  it('/api#% and other bad fragments open the explorer, not a blank page', async () => {
    for (const fragment of ['%', '%E0%A4%A', '/paths/%ZZ', '%%%', '#']) {
      const response = await loadAfresh(`/api#${fragment}`);
      assert.equal(response?.status(), 200, fragment);
      await page.getByRole('heading', { level: 1, name: 'API explorer' }).waitFor();
      await page.getByRole('region', { name: 'Get List of Posts', exact: true }).waitFor();
      assert.deepEqual(pageErrors, [], `/api#${fragment}: errors in the page`);
    }
    await checkScreen(page, 'explorer-bad-fragment', async () => {
      await loadAfresh('/api#%');
      await page.getByRole('heading', { level: 1, name: 'API explorer' }).waitFor();
    });
  });

  it('a malformed query string or fragment on a client page still shows that page', async () => {
    for (const path of ['/?%', '/#%', '/?q=%E0%A4%A#%ZZ', '/users/webdev?%#%']) {
      const response = await loadAfresh(path);
      assert.equal(response?.status(), 200, path);
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      if (path.startsWith('/users/')) {
        await page.getByRole('heading', { level: 1, name: 'webdev' }).waitFor();
      } else {
        await page.getByRole('article').first().waitFor();
      }
      assert.deepEqual(pageErrors, [], `${path}: errors in the page`);
    }
  });

  it('the title of a not-found post says so, whether the path or the server refused it', async () => {
    for (const path of ['/posts/abc', '/posts/2147483647', '/posts/abc/edit']) {
      await page.goto(`${session.server.url}${path}`);
      await expectNotFoundScreen(path);
      assert.equal(await page.title(), 'Page not found · Photo App', path);
    }
  });

  it('after a malformed address, the navigation still works', async () => {
    await page.goto(`${session.server.url}/posts/%`);
    await expectNotFoundScreen('/posts/%');
    await page.getByRole('link', { name: 'Go to your feed' }).click();
    await page.waitForURL(`${session.server.url}/`);
    await page.getByRole('article').first().waitFor();
    assert.ok((await visibleText()).length > 0);
  });
});
