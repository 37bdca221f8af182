// The feed end to end: log in through the form, see posts, like and unlike, comment,
// and open and close the comments dialog with the keyboard only.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations, firstSwitchOff, useLoggedInSession } from './support/browser';

const screenshots = path.resolve(import.meta.dirname, 'screenshots');

let page: Page;

/** The first post in the feed that matches `filter` (a post with at least one comment, etc.). */
async function firstPost(filter?: { has?: Locator; hasText?: RegExp | string }): Promise<Locator> {
  const posts = page.getByRole('article', { name: /^Post by / });
  await posts.first().waitFor();
  return filter ? posts.filter(filter).first() : posts.first();
}

describe('the feed', () => {
  useLoggedInSession((session) => {
    page = session.page;
  });

  it('shows the navbar, the profile, stories, suggestions and posts after logging in', async () => {
    await page
      .getByRole('article', { name: /^Post by / })
      .first()
      .waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByText('webdev', { exact: true }).isVisible(), true);
    assert.equal(await nav.getByRole('link', { name: 'API' }).getAttribute('href'), '/api');
    // Log out is a POST form (a link to /logout from another site must not log anyone out).
    assert.equal(await nav.getByRole('button', { name: 'Log out' }).isVisible(), true);
    await page.getByRole('list', { name: 'Stories' }).getByRole('listitem').first().waitFor();
    await page.getByRole('heading', { name: 'Suggestions for you' }).waitFor();
    assert.ok((await page.getByRole('switch', { name: /^Follow / }).count()) > 0);
    // Avatars are decorative (alt=""), so the only img in a post is its photo.
    const image = (await firstPost()).getByRole('img');
    assert.notEqual(await image.getAttribute('alt'), '');
  });

  it('passes an axe check and looks right at 1280 and 390 px wide', async () => {
    mkdirSync(screenshots, { recursive: true });
    await page.getByRole('img').last().waitFor();
    await expectNoAxeViolations(page, 'the feed (1280 px)');
    await page.screenshot({ path: path.join(screenshots, 'feed-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'the feed (390 px)');
    await page.screenshot({ path: path.join(screenshots, 'feed-390.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('likes and unlikes a post, with the count and the switch following', async () => {
    const unliked = (
      await firstPost({ has: page.getByRole('switch', { name: /^Like /, checked: false }) })
    ).getByRole('switch', {
      name: /^Like /,
    });
    // Pin the post by its switch's name (it names the post): filters re-resolve as state changes.
    const label = (await unliked.getAttribute('aria-label')) ?? '';
    const likeSwitch = page.getByRole('switch', { name: label, exact: true });
    const post = page.getByRole('article').filter({ has: likeSwitch });
    const count = post.getByTestId('like-count');
    // "Be the first to like this" is how no likes read.
    const likesIn = (text: string | null) =>
      text?.startsWith('Be the first') ? 0 : Number.parseInt(text ?? '', 10);
    const before = likesIn(await count.textContent());

    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/likes') && response.status() === 201,
    );
    await likeSwitch.click();
    await page.getByRole('switch', { name: label, exact: true, checked: true }).waitFor();
    await created;
    assert.equal(likesIn(await count.textContent()), before + 1);
    await count.getByText(before + 1 === 1 ? '1 like' : `${before + 1} likes`).waitFor();

    const removed = page.waitForResponse(
      (response) => /\/api\/likes\/\d+$/.test(response.url()) && response.ok(),
    );
    await likeSwitch.press('Space');
    await removed;
    assert.equal(await likeSwitch.getAttribute('aria-checked'), 'false');
    assert.equal(likesIn(await count.textContent()), before);
  });

  it('rolls a like back with a visible, polite message when the server refuses it', async () => {
    const likeSwitch = await firstSwitchOff(page, /^Like /);
    await page.route('**/api/likes', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: '{"message":"Internal server error"}',
      }),
    );
    await likeSwitch.click();
    // Form fields have their own status hints (characters left): pick the announcer.
    const status = page.getByRole('status').filter({ hasText: /Could not like the post by/ });
    await status.getByText(/^Could not like the post by .+\. Please try again\.$/).waitFor();
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    assert.equal(await likeSwitch.getAttribute('aria-checked'), 'false');
    await page.unroute('**/api/likes');
  });

  it('adds a comment with Enter, clears the field, keeps focus and raises the count', async () => {
    const post = await firstPost({
      has: page.getByRole('button', { name: /^View all \d+ comments$/ }),
    });
    const viewAll = post.getByRole('button', { name: /^View all \d+ comments$/ });
    const before = Number.parseInt(((await viewAll.textContent()) ?? '').replace(/\D+/g, ''), 10);
    const field = post.getByRole('textbox', { name: /^Add a comment/ });

    await field.fill('A comment from the end-to-end test');
    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/comments') && response.status() === 201,
    );
    await field.press('Enter');
    await created;
    assert.equal(await field.inputValue(), '');
    assert.equal(await field.evaluate((element) => element === document.activeElement), true);
    await post.getByRole('button', { name: `View all ${before + 1} comments` }).waitFor();
    await post.getByText('A comment from the end-to-end test').waitFor();

    await field.press('Enter'); // empty: ignored
    await post.getByRole('button', { name: `View all ${before + 1} comments` }).waitFor();
  });

  it('opens the comments dialog and closes it with the keyboard only, returning focus', async () => {
    const post = await firstPost({
      has: page.getByRole('button', { name: /^View all \d+ comments$/ }),
    });
    const viewAll = post.getByRole('button', { name: /^View all \d+ comments$/ });
    await viewAll.focus();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: /^Comments on the post by / });
    await dialog.waitFor();
    assert.equal(
      await dialog.evaluate((element) => element.contains(document.activeElement)),
      true,
    );
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.documentElement).overflow),
      'hidden',
    );
    await expectNoAxeViolations(page, 'the comments dialog');
    // Focus is trapped: tabbing many times never leaves the dialog.
    for (let index = 0; index < 12; index += 1) await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest('dialog') !== null),
      true,
    );

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await viewAll.evaluate((element) => element === document.activeElement), true);

    // And again, closed with its Close button pressed by Space.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Space');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await viewAll.evaluate((element) => element === document.activeElement), true);
  });

  it('deletes your own comment from the dialog', async () => {
    const post = await firstPost({ hasText: 'A comment from the end-to-end test' });
    await post.getByRole('button', { name: /^View all \d+ comments$/ }).click();
    const dialog = page.getByRole('dialog');
    const remove = dialog.getByRole('button', {
      name: 'Delete your comment: A comment from the end-to-end test',
    });
    const deleted = page.waitForResponse(
      (response) => /\/api\/comments\/\d+$/.test(response.url()) && response.ok(),
    );
    await remove.click();
    await deleted;
    await remove.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
  });

  it('loads older posts through the cursor pagination', async () => {
    const posts = page.getByRole('article', { name: /^Post by / });
    const first = await posts.count();
    const more = page.waitForResponse((response) =>
      /\/api\/posts\?limit=\d+&before=\d+/.test(response.url()),
    );
    await page
      .getByRole('button', { name: 'Load more' })
      .or(page.getByText('You are all caught up.'))
      .first()
      .scrollIntoViewIfNeeded();
    await more;
    await page.waitForFunction(
      (count) => document.querySelectorAll('article[aria-label^="Post by "]').length > count,
      first,
    );
  });
});
