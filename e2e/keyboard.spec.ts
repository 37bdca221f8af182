// The client with the keyboard only (issue 13): log in, find someone with the
// navigation's search box, open their profile, follow them, open one of their posts,
// like it, comment on it, open the story viewer and leave it with Escape, log out.
// No mouse clicks and no programmatic focus: every step is Tab, Shift+Tab, arrows,
// Enter, Space or Escape, and each one checks where the focus is and what is shown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations, useBrowserSession } from './support/browser';
import { apiGet } from './support/screens';
import type { TestServer } from './support/server';

interface User {
  id: number;
  username: string;
}
interface Profile extends User {
  posts_count: number;
}

/** Whether the locator's element is the focused one. */
const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement);

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses,
 * naming what had the focus then.
 */
async function tabTo(page: Page, target: Locator, backwards = false, max = 60): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if ((await target.count()) === 1 && (await isFocused(target))) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    return element
      ? `${element.tagName} ${element.getAttribute('aria-label') ?? element.textContent}`
      : 'nothing';
  });
  assert.fail(`${max} presses of Tab did not reach the target; the focus is on ${focused}`);
}

describe('the client with the keyboard only', () => {
  let server: TestServer;
  let page: Page;
  let person: Profile;
  useBrowserSession((session) => ({ server, page } = session));

  it('logs in with the form', async () => {
    await page.goto(`${server.url}/login`);
    await tabTo(page, page.getByLabel(/username/i));
    await page.keyboard.type('webdev');
    await page.keyboard.press('Tab');
    assert.ok(await isFocused(page.getByLabel(/password/i)));
    await page.keyboard.type('password');
    await Promise.all([page.waitForURL(`${server.url}/`), page.keyboard.press('Enter')]);
    // Someone webdev does not follow yet, with posts to open once followed.
    const suggestions = await apiGet<User[]>(page, '/api/suggestions');
    for (const suggestion of suggestions) {
      const profile = await apiGet<Profile>(page, `/api/users/${suggestion.username}`);
      if (profile.posts_count > 0) {
        person = profile;
        break;
      }
    }
    assert.ok(person, 'the seed has a suggested person with posts');
  });

  it('finds the person with the search box and opens their profile with Enter', async () => {
    const box = page.getByRole('combobox', { name: 'Search people' });
    await tabTo(page, box);
    await page.keyboard.type(person.username);
    const options = page.getByRole('listbox', { name: 'People' }).getByRole('option');
    await options.first().waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    await expectNoAxeViolations(page, 'search with results');
    // Down arrow through the list until the person is the active option.
    let chosen = '';
    for (let step = 0; step < (await options.count()); step += 1) {
      await page.keyboard.press('ArrowDown');
      const activeId = await box.getAttribute('aria-activedescendant');
      assert.ok(activeId, 'ArrowDown makes an option active');
      const active = page.locator(`[id="${activeId}"]`);
      assert.equal(await active.getAttribute('aria-selected'), 'true');
      chosen = (await active.textContent()) ?? '';
      if (chosen.includes(person.username)) break;
    }
    assert.ok(chosen.includes(person.username), `the list offers ${person.username}`);
    await Promise.all([
      page.waitForURL(`${server.url}/users/${person.username}`),
      page.keyboard.press('Enter'),
    ]);
    await page.getByRole('heading', { level: 1, name: new RegExp(person.username) }).waitFor();
    await page.getByText('Follow to see their posts').waitFor();
    await expectNoAxeViolations(page, 'a profile outside the network');
  });

  it('follows them with Space, and their posts appear', async () => {
    // The profile's own switch (the suggestions beside it may offer the same person).
    const follow = page
      .locator('header:has(h1)')
      .getByRole('switch', { name: `Follow ${person.username}`, exact: true });
    await tabTo(page, follow);
    assert.equal(await follow.getAttribute('aria-checked'), 'false');
    await page.keyboard.press('Space');
    await page.waitForFunction(
      (name) =>
        document
          .querySelector(`header:has(h1) [role="switch"][aria-label="Follow ${name}"]`)
          ?.getAttribute('aria-checked') === 'true',
      person.username,
    );
    assert.ok(await isFocused(follow), 'the focus stays on the switch');
    await page.getByRole('region', { name: 'Posts' }).getByRole('link').first().waitFor();
  });

  it('opens one of their posts, likes it and comments on it', async () => {
    const firstPost = page.getByRole('region', { name: 'Posts' }).getByRole('link').first();
    await tabTo(page, firstPost);
    await Promise.all([page.waitForURL(/\/posts\/\d+$/), page.keyboard.press('Enter')]);
    const article = page.getByRole('article', { name: `Post by ${person.username}` });
    await article.waitFor();

    const like = article.getByRole('switch', { name: /^Like / });
    await tabTo(page, like);
    assert.equal(await like.getAttribute('aria-checked'), 'false');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        document
          .querySelector('main article [role="switch"][aria-label^="Like "]')
          ?.getAttribute('aria-checked') === 'true',
    );
    await article
      .getByText(/^1 like$|^\d+ likes$/)
      .first()
      .waitFor();

    const comment = article.getByRole('textbox', { name: /^Add a comment/ });
    await tabTo(page, comment);
    const text = 'Typed without a mouse';
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    // The paragraph that shows it: once saved, the comment's delete button (an icon with
    // a screen-reader label that repeats the text) would match getByText as well.
    await article.locator('p', { hasText: text }).waitFor();
    assert.equal(await comment.inputValue(), '', 'a sent comment leaves the field');
    assert.ok(await isFocused(comment), 'the focus stays in the field for the next comment');
    await expectNoAxeViolations(page, 'the post page after a like and a comment');
  });

  it('opens the story viewer from the feed and leaves it with Escape', async () => {
    // Back to the feed through the logo, reached backwards from the comment field.
    const home = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
      name: 'Photo App',
    });
    await tabTo(page, home, true);
    await Promise.all([page.waitForURL(`${server.url}/`), page.keyboard.press('Enter')]);
    const bubble = page.getByRole('list', { name: 'Stories' }).getByRole('button').first();
    await bubble.waitFor();
    await tabTo(page, bubble);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.ok(
      await dialog.evaluate((element) => element.contains(document.activeElement)),
      'the focus moves into the viewer',
    );
    // Tab reaches the story itself (focus holds it still) inside the trapped dialog.
    await tabTo(page, dialog.getByRole('figure'));
    await expectNoAxeViolations(page, 'the story viewer');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.ok(await isFocused(bubble), 'the focus returns to the bubble that opened it');
  });

  it('logs out with the navigation button', async () => {
    const logout = page.getByRole('navigation', { name: 'Main' }).getByRole('button', {
      name: 'Log out',
    });
    // Backwards: forwards from the stories runs through the whole (endless) feed first.
    await tabTo(page, logout, true);
    await Promise.all([page.waitForURL(`${server.url}/login`), page.keyboard.press('Enter')]);
    const stillIn = await page.goto(`${server.url}/`);
    assert.equal(new URL(page.url()).pathname, '/login', `GET / answered ${stillIn?.status()}`);
  });
});
