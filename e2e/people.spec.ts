// People, posts and stories: profile pages in and out of the network, a post's own
// page, the search combobox, the story viewer and the not-found screen, each checked
// with axe at 390 and 1280 px and never wider than the viewport; images from another
// origin render, and a broken one shows its alt text.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { startLoggedInSession, type LoggedInSession } from './support/browser';
import { apiGet, apiPost, checkScreen } from './support/screens';

interface User {
  id: number;
  username: string;
}
interface Post {
  id: number;
  user: User;
}

let session: LoggedInSession;
let page: Page;
let images: Server;
let imageOrigin: string;
let me: User;

/** A second local "site" on another port: /x.png is a real PNG, anything else a 404. */
async function startImageServer(): Promise<void> {
  const png = await sharp({
    create: { width: 64, height: 64, channels: 3, background: { r: 220, g: 90, b: 40 } },
  })
    .png()
    .toBuffer();
  images = createServer((request, response) => {
    if (request.url === '/x.png') {
      response.writeHead(200, { 'Content-Type': 'image/png' }).end(png);
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imageOrigin = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
}

describe('people, posts, search, stories and not-found screens', () => {
  before(async () => {
    session = await startLoggedInSession();
    page = session.page;
    await startImageServer();
    me = await apiGet<User>(page, '/api/profile');
  });

  after(async () => {
    await session?.close();
    await new Promise((resolve) => images?.close(resolve));
  });

  it('shows the feed first on phones, with suggestions after the first post', async () => {
    await checkScreen(page, 'feed', async () => {
      await page.goto(`${session.server.url}/`);
      await page.getByRole('article').first().waitFor();
    });
    await page.setViewportSize({ width: 390, height: 900 });
    const firstPost = await page.getByRole('article').first().boundingBox();
    assert.ok(firstPost && firstPost.y < 450, `the first post starts ${firstPost?.y} px down`);
    await page.setViewportSize({ width: 320, height: 800 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${width} px wide at 320 px`);
  });

  it('profile of someone followed: counts, Following, their posts linking to post pages', async () => {
    const [followed] = await apiGet<Array<{ following: User }>>(page, '/api/following');
    assert.ok(followed);
    const username = followed.following.username;
    await checkScreen(page, 'profile-in-network', async () => {
      await page.goto(`${session.server.url}/users/${username}`);
      await page.getByRole('heading', { name: username, level: 1 }).waitFor();
      await page
        .getByRole('link', { name: /^Open the post/ })
        .first()
        .waitFor();
    });
    assert.equal(
      await page
        .getByRole('main')
        .getByRole('switch', { name: `Follow ${username}` })
        .getAttribute('aria-checked'),
      'true',
    );
    await page
      .getByRole('link', { name: /^Open the post/ })
      .first()
      .click();
    await page.waitForURL(/\/posts\/\d+$/);
    await page.getByRole('article', { name: `Post by ${username}` }).waitFor();
  });

  it('profile of someone not followed: the header, Follow, and "Follow to see their posts"', async () => {
    const [stranger] = await apiGet<User[]>(page, '/api/suggestions');
    assert.ok(stranger);
    await checkScreen(page, 'profile-outside-network', async () => {
      await page.goto(`${session.server.url}/users/${stranger.username}`);
      await page.getByRole('heading', { name: 'Follow to see their posts' }).waitFor();
    });
    assert.equal(
      await page
        .getByRole('main')
        .getByRole('switch', { name: `Follow ${stranger.username}` })
        .getAttribute('aria-checked'),
      'false',
    );
  });

  it('your own profile links to Settings', async () => {
    await page.goto(`${session.server.url}/users/${me.username}`);
    await page.getByRole('heading', { name: me.username, level: 1 }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Settings' }).waitFor();
  });

  it('a post page with every comment; links from the feed timestamp and the author', async () => {
    const posts = await apiGet<Array<Post & { comments: unknown[] }>>(page, '/api/posts?limit=20');
    const post = posts.find((item) => item.comments.length > 1) ?? posts[0]!;
    await checkScreen(page, 'post', async () => {
      await page.goto(`${session.server.url}/posts/${post.id}`);
      await page.getByRole('list', { name: 'Comments' }).waitFor();
    });
    assert.equal(
      await page.getByRole('list', { name: 'Comments' }).getByRole('listitem').count(),
      post.comments.length,
    );
    await page
      .getByRole('article')
      .getByRole('link', { name: post.user.username, exact: true })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/users/${post.user.username}$`));
  });

  it("someone else's post's edit page is the not-found screen", async () => {
    const posts = await apiGet<Post[]>(page, '/api/posts?limit=20');
    const theirs = posts.find((post) => post.user.id !== me.id)!;
    await page.goto(`${session.server.url}/posts/${theirs.id}/edit`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    assert.equal(await page.getByLabel(/caption/i).count(), 0);
  });

  it('unknown paths show the not-found screen with the navigation, HTTP 404', async () => {
    for (const path of ['/this-page-does-not-exist', '/posts/abc']) {
      const response = await page.goto(`${session.server.url}${path}`);
      assert.equal(response?.status(), 404, path);
    }
    await checkScreen(page, 'not-found', async () => {
      await page.goto(`${session.server.url}/this-page-does-not-exist`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
    });
  });

  it('search lists people as you type (combobox), Enter opens the profile', async () => {
    const [followed] = await apiGet<Array<{ following: User }>>(page, '/api/following');
    const prefix = followed!.following.username.slice(0, 3);
    await checkScreen(page, 'search', async () => {
      await page.goto(`${session.server.url}/`);
      const box = page.getByRole('combobox', { name: 'Search people' });
      await box.fill('');
      await box.fill(prefix);
      await page.getByRole('listbox', { name: 'People' }).getByRole('option').first().waitFor();
    });
    const box = page.getByRole('combobox', { name: 'Search people' });
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    await box.press('ArrowDown');
    const activeId = await box.getAttribute('aria-activedescendant');
    assert.ok(activeId);
    const chosen = (await page.locator(`[id="${activeId}"]`).textContent()) ?? '';
    await box.press('Enter');
    await page.waitForURL(/\/users\//);
    assert.ok(chosen.startsWith(decodeURIComponent(page.url().split('/users/')[1]!)));
  });

  it('stories: one bubble per person; the viewer steps, closes with Escape and marks them seen', async () => {
    await page.goto(`${session.server.url}/`);
    const stories = await apiGet<Array<{ user: User }>>(page, '/api/stories');
    const people = new Set(stories.map((story) => story.user.id)).size;
    const bubbles = page.getByRole('list', { name: 'Stories' }).getByRole('button');
    await bubbles.first().waitFor();
    assert.equal(await bubbles.count(), people);
    // A long username stays on one line, cut with an ellipsis; the whole name is in the title.
    const name = bubbles.first().locator('span.truncate');
    await name.evaluate((span) => (span.textContent = 'a_username_of_thirty_characters'));
    const { lines, cut } = await name.evaluate((span) => ({
      lines: Math.round(
        span.getBoundingClientRect().height / parseFloat(getComputedStyle(span).lineHeight),
      ),
      cut:
        span.scrollWidth > span.clientWidth && getComputedStyle(span).textOverflow === 'ellipsis',
    }));
    assert.deepEqual({ lines, cut }, { lines: 1, cut: true });
    assert.ok((await bubbles.first().getAttribute('title'))?.startsWith(stories[0]!.user.username));
    await checkScreen(page, 'story-viewer', async () => {
      if ((await page.getByRole('dialog').count()) === 0) await bubbles.first().click();
      await page.getByRole('dialog').waitFor();
      const pause = page.getByRole('button', { name: 'Pause' });
      if ((await pause.count()) > 0) await pause.click();
    });
    const dialog = page.getByRole('dialog');
    // The title bar names the person and the place in their stories.
    const title = (await dialog.getByRole('heading', { level: 2 }).textContent()) ?? '';
    assert.match(title, /^\S.*, story 1 of \d+$/);
    await page.getByRole('dialog', { name: title }).waitFor();
    const first = await dialog.getByRole('figure').getAttribute('aria-label');
    await dialog.getByRole('figure').press('ArrowRight');
    assert.notEqual(await dialog.getByRole('figure').getAttribute('aria-label'), first);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const seen = await page.evaluate(() => localStorage.getItem('photo-app:seen-stories'));
    assert.ok(seen && JSON.parse(seen).length >= 1);
  });

  it('renders an image from another origin, and a broken one as its alt text', async () => {
    const good = await apiPost<Post>(page, '/api/posts', {
      image_url: `${imageOrigin}/x.png`,
      caption: 'From another site',
      alt_text: 'An orange square from the second server',
    });
    await page.goto(`${session.server.url}/posts/${good.id}`);
    const image = page.getByRole('img', { name: 'An orange square from the second server' });
    await image.waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector('main article img:not([alt=""])') as HTMLImageElement | null)
          ?.naturalWidth === 64,
    );

    const broken = await apiPost<Post>(page, '/api/posts', {
      image_url: `${imageOrigin}/missing.png`,
      caption: 'Gone',
      alt_text: 'A photo that is no longer there',
    });
    await checkScreen(page, 'image-fallback', async () => {
      await page.goto(`${session.server.url}/posts/${broken.id}`);
      await page.getByTestId('image-fallback').waitFor();
    });
    await page.getByTestId('image-fallback').getByText('A photo that is no longer there').waitFor();
  });
});
