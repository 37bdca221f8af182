// "Bring your own client": a separate client (e2e/fixtures/own-client), built here by
// Vite as a student would build theirs, served with CLIENT_DIR in place of the bundled
// one. Logging in through /login leads to it; it reads /api/posts with the session
// cookies and the CSRF header; deep links and its assets load; /api, /login and the
// explorer keep their meaning.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import {
  type BrowserSession,
  expectNoAxeViolations,
  loginAs,
  startBrowserSession,
} from './support/browser';
import type { TestServer } from './support/server';

const fixture = path.join(import.meta.dirname, 'fixtures', 'own-client');

let outDir: string;
let session: BrowserSession;
let server: TestServer;
let browser: Browser;
let page: Page;

/** What GET /api/posts answers this browser session: the count the client must show. */
async function postCount(): Promise<number> {
  const response = await page.request.get(`${server.url}/api/posts`);
  assert.equal(response.status(), 200);
  return ((await response.json()) as unknown[]).length;
}

describe('CLIENT_DIR: a class serves its own built client', () => {
  before(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'photo-own-client-'));
    await build({
      root: fixture,
      configFile: false,
      logLevel: 'warn',
      // Every asset a file of its own (Vite would inline the small logo as data:).
      build: { outDir, emptyOutDir: true, assetsInlineLimit: 0 },
    });
    session = await startBrowserSession({ env: { CLIENT_DIR: outDir } });
    ({ server, browser, page } = session);
  });

  after(async () => {
    await session?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('sends a visitor without a session to /login, from / and from a deep link', async () => {
    const anonymous = await browser.newContext();
    const visitor = await anonymous.newPage();
    for (const target of ['/', '/users/webdev/photos']) {
      await visitor.goto(`${server.url}${target}`);
      assert.equal(new URL(visitor.url()).pathname, '/login', target);
    }
    await anonymous.close();
  });

  it('shows the client after logging in at /login, with the posts it read from /api/posts', async () => {
    await loginAs(page, server.url);
    await page.getByRole('heading', { name: 'Class client' }).waitFor();
    const count = await postCount();
    assert.ok(count > 0, 'webdev has a feed');
    await page.getByText(`${count} posts`, { exact: true }).waitFor();
    assert.equal(await page.locator('#route').textContent(), 'Route: /');
    await expectNoAxeViolations(page, 'the own client at /');
  });

  it('serves the same client on a deep link (single-page fallback)', async () => {
    const response = await page.goto(`${server.url}/users/webdev/photos?tab=2`);
    assert.equal(response?.status(), 200);
    assert.equal(response?.headers()['cache-control'], 'no-cache');
    await page.getByText(`${await postCount()} posts`, { exact: true }).waitFor();
    assert.equal(await page.locator('#route').textContent(), 'Route: /users/webdev/photos');
  });

  it('loads its built assets: the script ran, the stylesheet applies, the image decodes', async () => {
    await page.goto(`${server.url}/`);
    await page.getByText(/^\d+ posts$/).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(250, 240, 230)');
    const logo = page.getByRole('img', { name: 'Class logo' });
    await logo.waitFor();
    assert.ok(
      await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth === 30),
    );

    const svg = readdirSync(path.join(outDir, 'assets')).find((file) => file.endsWith('.svg'));
    assert.ok(svg, 'the build wrote the logo as a file');
    const asset = await page.request.get(`${server.url}/assets/${svg}`);
    assert.equal(asset.status(), 200);
    assert.match(asset.headers()['content-type'] ?? '', /^image\/svg\+xml/);
    assert.equal((await page.request.get(`${server.url}/assets/missing-0000.js`)).status(), 404);
  });

  it('keeps /api, the explorer, /login and unknown /api paths as they were', async () => {
    const api = await page.request.get(`${server.url}/api/posts`);
    assert.match(api.headers()['content-type'] ?? '', /^application\/json/);
    const unknown = await page.request.get(`${server.url}/api/no-such-thing`);
    assert.equal(unknown.status(), 404);
    assert.deepEqual(await unknown.json(), { message: 'No endpoint GET /api/no-such-thing.' });
    const anonymousUnknown = await fetch(`${server.url}/api/no-such-thing`);
    assert.equal(anonymousUnknown.status, 404);

    await page.goto(`${server.url}/api`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.notEqual(await page.title(), 'Class client');
    const login = await fetch(`${server.url}/login`, { redirect: 'manual' });
    assert.equal(login.status, 200);
    assert.match(await login.text(), /<form/);
  });
});
