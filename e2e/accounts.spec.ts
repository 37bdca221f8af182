// A new person end to end: sign up at /register, land on the (empty) feed, post a
// photo from a file, change the avatar, see and end sessions, change the password
// and log in with the new one. axe checks every screen; screenshots of the new
// screens at 390 and 1280 px go to e2e/screenshots (not in git) for a human to look at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNT_LIMITS } from '../contract/limits';
import {
  type BrowserSession,
  expectNoAxeViolations,
  loginAs,
  startBrowserSession,
} from './support/browser';
import type { TestServer } from './support/server';

const photo = path.resolve(import.meta.dirname, 'fixtures', 'harbour.jpg');
const screenshots = path.resolve(import.meta.dirname, 'screenshots');
const username = `ada_${Date.now().toString(36)}`;
const firstPassword = 'analytical engine 1843';
const secondPassword = 'difference engine 1822';
const altText = 'A red boat on a blue harbour under an orange sky';

let session: BrowserSession;
let server: TestServer;
let browser: Browser;
let page: Page;

async function snap(name: string) {
  mkdirSync(screenshots, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('signing up, posting a photo, settings and sessions', () => {
  before(async () => {
    session = await startBrowserSession();
    ({ server, browser, page } = session);
  });

  after(() => session?.close());

  it('signs up at /register (linked from /login) and lands on the feed with guidance', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await expectNoAxeViolations(page, '/register');

    // A server-side error first: shown at its field, the value kept, the focus moved there.
    await page.getByLabel('Username').fill('9lives');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email').fill(`${username}@example.com`);
    await page.getByLabel('Password', { exact: true }).fill('password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('2 fields need your attention').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'username');
    assert.equal(await page.getByLabel('First name').inputValue(), 'Ada');
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '');
    await expectNoAxeViolations(page, '/register with errors');
    await snap('register-errors');

    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(firstPassword);
    await page.getByText(/Password strength: (Good|Strong)/).waitFor();
    await snap('register');
    await Promise.all([
      page.waitForURL(`${server.url}/`),
      page.getByRole('button', { name: 'Create account' }).click(),
    ]);
    await page.getByText('Follow people to see their posts').waitFor();
    await page.getByTestId('navbar-username').getByText(username).waitFor();
    await expectNoAxeViolations(page, 'the empty feed');
    await snap('feed-empty');
  });

  it('posts a photo from a file, with a preview and alt text, and sees it in the feed', async () => {
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByRole('heading', { name: 'New post' }).waitFor();
    await page.getByLabel('Choose a photo').setInputFiles(photo);
    const address = page.getByLabel('Or the address of an image');
    await page.waitForFunction(
      () =>
        (document.querySelector('input[type="url"]') as HTMLInputElement | null)?.value.startsWith(
          '/media/u/',
        ) ?? false,
    );
    assert.match(await address.inputValue(), /^\/media\/u\/[A-Za-z0-9_-]{22}\.webp$/);
    await page.getByRole('textbox', { name: 'Caption' }).fill('Harbour at dawn');
    await page.getByRole('textbox', { name: 'Alt text' }).fill(altText);
    await expectNoAxeViolations(page, 'the New post form with an uploaded photo');
    await snap('new-post-upload');
    await Promise.all([
      page.waitForURL(`${server.url}/`),
      page.getByRole('button', { name: 'Share' }).click(),
    ]);
    const image = page.getByRole('img', { name: altText });
    await image.waitFor();
    assert.match((await image.getAttribute('src')) ?? '', /^\/media\/u\//);
    assert.ok(
      await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    );
  });

  it('changes the avatar in the settings by uploading a picture', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await expectNoAxeViolations(page, '/settings');
    await page.getByLabel('Choose a photo').setInputFiles(photo);
    await page.waitForFunction(
      () =>
        (document.querySelector('input[type="url"]') as HTMLInputElement | null)?.value.startsWith(
          '/media/u/',
        ) ?? false,
    );
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    const profile = await page.evaluate(async () => (await fetch('/api/profile')).json());
    assert.match(String(profile.thumb_url), /^\/media\/u\/[A-Za-z0-9_-]{22}-thumb\.webp$/);
    await snap('settings');
  });

  it('refuses a too-long first name in the settings with a visible message, saving nothing until it fits, and shows a 400 at the field it names', async () => {
    const firstName = page.getByLabel('First name');
    const longName = `Augusta Ada ${'King-Noel '.repeat(30)}`.trimEnd();
    const over = longName.length - ACCOUNT_LIMITS.name;
    assert.ok(over > 0);
    await firstName.fill('');
    await firstName.focus();
    await page.keyboard.insertText(longName);
    assert.equal(await firstName.inputValue(), longName);
    await page
      .getByText(`${over} characters over the limit of ${ACCOUNT_LIMITS.name}. Shorten it to save.`)
      .waitFor();
    assert.equal(await firstName.getAttribute('aria-invalid'), 'true');

    await page.getByRole('button', { name: 'Save profile' }).click();
    await page
      .getByRole('alert')
      .getByText(
        `The first name is ${longName.length} characters long, ${over} over the limit of ${ACCOUNT_LIMITS.name}.`,
      )
      .waitFor();
    assert.equal(await firstName.evaluate((element) => element === document.activeElement), true);
    await expectNoAxeViolations(page, '/settings with a too-long first name');
    await snap('settings-too-long');
    let profile = await page.evaluate(async () => (await fetch('/api/profile')).json());
    assert.equal(profile.first_name, 'Ada');

    await firstName.fill('Augusta Ada');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    profile = await page.evaluate(async () => (await fetch('/api/profile')).json());
    assert.equal(profile.first_name, 'Augusta Ada');

    // The server's 400 is shown at the field it names, and the focus goes there.
    const email = page.getByLabel('Email');
    const address = await email.inputValue();
    await email.fill(address.replace('@', '@@'));
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText(/^Must be an email address/).waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.equal(await email.evaluate((element) => element === document.activeElement), true);
    await expectNoAxeViolations(page, '/settings with an error from the server');
    await email.fill(address);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
  });

  it('lists the sessions, ends another one, then changes the password', async () => {
    // A second login from another browser profile.
    const other = await browser.newContext({
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    });
    const otherPage = await other.newPage();
    await loginAs(otherPage, server.url, username, firstPassword);
    await page.reload();
    const sessions = page.getByRole('region', { name: 'Your sessions' });
    await sessions.getByText('Firefox on Linux').waitFor();
    await sessions.getByText('This device').waitFor();
    await expectNoAxeViolations(page, '/settings with two sessions');
    await sessions.getByRole('button', { name: /^Log out Firefox on Linux/ }).click();
    await sessions.getByText('You are not logged in anywhere else.').waitFor();
    const ended = await otherPage.evaluate(async () => (await fetch('/api/profile')).status);
    assert.equal(ended, 401);
    await other.close();

    await page.getByLabel('Current password').fill(firstPassword);
    await page.getByLabel('New password').fill(secondPassword);
    await page.getByText(/Password strength:/).waitFor();
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();

    await page.goto(`${server.url}/logout`);
    await page.waitForURL(`${server.url}/login`);
    await loginAs(page, server.url, username, secondPassword);
    await page.getByTestId('navbar-username').getByText(username).waitFor();
  });
});
