// Bookmarks and following end to end: bookmark a post and find it on the bookmarks
// page; follow a suggestion and see their posts arrive; the network pages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, useLoggedInSession } from './support/browser';

let page: Page;

describe('bookmarks and following', () => {
  useLoggedInSession((session) => {
    page = session.page;
  });

  it('bookmarks a post and shows it on the bookmarks page, where it can be removed', async () => {
    const unsaved = page.getByRole('switch', { name: /^Bookmark /, checked: false }).first();
    const label = (await unsaved.getAttribute('aria-label')) ?? '';
    const toggle = page.getByRole('switch', { name: label, exact: true });
    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/bookmarks') && response.status() === 201,
    );
    await toggle.press('Enter');
    await page.getByRole('switch', { name: label, exact: true, checked: true }).waitFor();
    await created;

    await page.getByRole('link', { name: 'Bookmarks' }).click();
    await page.getByRole('heading', { name: 'Bookmarks', level: 1 }).waitFor();
    const saved = page.getByRole('main').getByRole('switch', { name: label });
    await saved.waitFor();
    assert.equal(await saved.getAttribute('aria-checked'), 'true');
    await expectNoAxeViolations(page, 'the bookmarks page');

    const removed = page.waitForResponse(
      (response) => /\/api\/bookmarks\/\d+$/.test(response.url()) && response.ok(),
    );
    await saved.click();
    await removed;
    assert.equal(await saved.getAttribute('aria-checked'), 'false');
  });

  it('follows a suggestion and their posts arrive in the feed', async () => {
    await page.getByRole('link', { name: 'Photo App' }).click();
    const first = page
      .getByRole('complementary')
      .getByRole('switch', { name: /^Follow /, checked: false })
      .first();
    const label = (await first.getAttribute('aria-label')) ?? '';
    const suggestion = page
      .getByRole('complementary')
      .getByRole('switch', { name: label, exact: true });
    const username = label.replace(/^Follow /, '');
    const theirPosts = page.getByRole('article', { name: `Post by ${username}` });
    assert.equal(await theirPosts.count(), 0);

    const followed = page.waitForResponse(
      (response) => response.url().endsWith('/api/following') && response.status() === 201,
    );
    await suggestion.click();
    await page
      .getByRole('complementary')
      .getByRole('switch', { name: label, exact: true, checked: true })
      .waitFor();
    await followed;

    // Their posts may be older than the first page: keep loading until one shows up.
    while ((await theirPosts.count()) === 0) {
      const more = page.getByRole('button', { name: 'Load more' });
      const caughtUp = page.getByText('You are all caught up.');
      await more.or(caughtUp).first().waitFor();
      if (await caughtUp.isVisible()) break;
      const loaded = page.waitForResponse((response) => /\/api\/posts\?/.test(response.url()));
      await more.click();
      await loaded;
    }
    await theirPosts.first().waitFor();
  });

  it('lists who you follow and who follows you, and unfollows from the list', async () => {
    await page.getByRole('link', { name: 'Network' }).click();
    await page.getByRole('heading', { name: 'Following', level: 1 }).waitFor();
    const rows = page.getByRole('main').getByRole('switch', { name: /^Follow /, checked: true });
    await rows.first().waitFor();
    await expectNoAxeViolations(page, 'the following page');

    const count = await rows.count();
    const removed = page.waitForResponse(
      (response) => /\/api\/following\/\d+$/.test(response.url()) && response.ok(),
    );
    await rows.first().click();
    await removed;
    await page.waitForFunction(
      (expected) =>
        document.querySelectorAll('main [role="switch"][aria-checked="true"]').length === expected,
      count - 1,
    );

    await page.getByRole('link', { name: 'Followers' }).click();
    await page.getByRole('heading', { name: 'Followers', level: 1 }).waitFor();
    await page.getByRole('main').getByRole('listitem').first().waitFor();
    await expectNoAxeViolations(page, 'the followers page');
  });
});
