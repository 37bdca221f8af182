// Browser helpers for the e2e specs: Debian's Chromium through playwright-core, the
// real login form, and an axe check (WCAG 2.1 A/AA) that fails with a readable list.
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { startTestServer, type TestServer, type TestServerOptions } from './server';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Logs in through the real form at /login and waits for the app at /. */
export async function loginAs(
  page: Page,
  url: string,
  username = 'webdev',
  password = 'password',
): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel(/username/i).fill(username);
  await page.getByLabel(/password/i).fill(password);
  await Promise.all([
    page.waitForURL(`${url}/`),
    page.getByRole('button', { name: /log in|sign in/i }).click(),
  ]);
}

/** Runs axe on the page (made from a browser context) and throws when it finds violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const targets = violation.nodes
      .slice(0, 5)
      .map(
        (node) =>
          `      ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ') ?? ''}`,
      )
      .join('\n');
    return `  - [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.nodes.length} nodes)\n${targets}`;
  });
  throw new Error(
    `axe found ${results.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`,
  );
}

export interface BrowserSession {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Closes the page's context, the browser and the server. */
  close(): Promise<void>;
}
/** A session whose page has logged in as webdev. */
export type LoggedInSession = BrowserSession;

/** A seeded server (started with `options`), a browser and a fresh 1280 px page. */
export async function startBrowserSession(
  options: TestServerOptions = {},
): Promise<BrowserSession> {
  const server = await startTestServer(options);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return {
    server,
    browser,
    context,
    page,
    close: async () => {
      await context.close();
      await browser.close();
      await server.stop();
    },
  };
}

/** A seeded server, a browser and a 1280 px page logged in as webdev through the form. */
export async function startLoggedInSession(): Promise<LoggedInSession> {
  const session = await startBrowserSession();
  await loginAs(session.page, session.server.url);
  return session;
}

/**
 * A session for the enclosing describe: started by `start` in before(), handed to
 * `opened`, closed in after().
 */
export function useBrowserSession(
  opened: (session: BrowserSession) => void,
  start: () => Promise<BrowserSession> = startBrowserSession,
): void {
  let session: BrowserSession | undefined;
  before(async () => {
    session = await start();
    opened(session);
  });
  after(() => session?.close());
}

/** A logged-in session for the enclosing describe (see useBrowserSession). */
export function useLoggedInSession(opened: (session: LoggedInSession) => void): void {
  useBrowserSession(opened, startLoggedInSession);
}

/** The first switch whose accessible name matches `name` and that is off, by its exact name. */
export async function firstSwitchOff(page: Page, name: RegExp): Promise<Locator> {
  const label =
    (await page.getByRole('switch', { name, checked: false }).first().getAttribute('aria-label')) ??
    '';
  return page.getByRole('switch', { name: label, exact: true });
}
