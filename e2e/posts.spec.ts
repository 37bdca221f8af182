// Your own posts end to end: create one (with alt text), refuse an over-long paste
// without cutting it, edit it, delete it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Request } from 'playwright-core';
import type { Post } from '../contract';
import { LIMITS } from '../contract/limits';
import { expectNoAxeViolations, useLoggedInSession, type LoggedInSession } from './support/browser';
import { apiGet, checkScreen } from './support/screens';

let session: LoggedInSession;
let page: Page;

const caption = 'Morning light on the harbour';
const editedCaption = 'Evening light on the harbour';
const altText = 'Fishing boats moored in a calm harbour at sunrise';

describe('creating, editing and deleting a post', () => {
  useLoggedInSession((opened) => {
    session = opened;
    page = opened.page;
  });

  it('creates a post from the New post form, which asks for and explains alt text', async () => {
    const firstImage = page
      .getByRole('article', { name: /^Post by / })
      .first()
      .getByRole('img');
    const imageUrl = await firstImage.getAttribute('src');
    assert.ok(imageUrl);

    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByRole('heading', { name: 'New post' }).waitFor();
    const alt = page.getByRole('textbox', { name: 'Alt text' });
    assert.match((await alt.getAttribute('aria-describedby')) ?? '', /\S/);
    await page.getByText(/Describe the image for people who cannot see it/).waitFor();
    await expectNoAxeViolations(page, 'the New post form');

    // An empty image URL is refused in the form, with a message saying what to do.
    await page.getByRole('button', { name: 'Share' }).click();
    await page
      .getByRole('alert')
      .getByText(/add the address of an image/i)
      .waitFor();

    await page.getByRole('textbox', { name: /address of an image/i }).fill(imageUrl);
    await page.getByRole('textbox', { name: 'Caption' }).fill(caption);
    await alt.fill(altText);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.waitForURL(`${session.server.url}/`);

    const mine = page.getByRole('article', { name: 'Post by webdev' }).filter({ hasText: caption });
    await mine.waitFor();
    assert.equal(await mine.getByRole('img', { name: altText }).count(), 1);
  });

  it('refuses a pasted 274-character image address and a too-long caption, cutting nothing and saving nothing until they fit', async () => {
    const creates: string[] = [];
    const countCreates = (request: Request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/posts')
        creates.push(request.url());
    };
    page.on('request', countCreates);
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByRole('heading', { name: 'New post' }).waitFor();
    const address = page.getByRole('textbox', { name: /address of an image/i });
    const captionField = page.getByRole('textbox', { name: 'Caption' });
    const longUrl = `${'https://example.com/photos/harbour'.padEnd(270, '-x')}.jpg`;
    const longCaption = `${'Boats in the harbour. '.repeat(100)}`.padEnd(LIMITS.caption + 5, '!');
    assert.equal(longUrl.length, 274);

    // Pasted text goes in whole: no maxlength cuts it.
    await address.focus();
    await page.keyboard.insertText(longUrl);
    await captionField.focus();
    await page.keyboard.insertText(longCaption);
    assert.equal(await address.inputValue(), longUrl);
    assert.equal(await captionField.inputValue(), longCaption);
    await page.getByText('74 characters over the limit of 200. Shorten it to save.').waitFor();
    await page.getByText('5 characters over the limit of 2,200. Shorten it to save.').waitFor();
    assert.equal(await address.getAttribute('aria-invalid'), 'true');
    assert.equal(await captionField.getAttribute('aria-invalid'), 'true');

    // Share is refused in the form: a summary naming the field, and the focus on it.
    await page.getByRole('button', { name: 'Share' }).click();
    await page
      .getByRole('alert')
      .getByText('The image address is 274 characters long, 74 over the limit of 200.')
      .waitFor();
    assert.equal(await address.evaluate((element) => element === document.activeElement), true);
    await checkScreen(page, 'new-post-too-long', async () => {
      await address.scrollIntoViewIfNeeded();
    });
    assert.deepEqual(creates, []);

    // Fixed, it saves exactly what was typed.
    const fittingUrl = longUrl.slice(0, LIMITS.imageUrl - 4) + '.jpg';
    await address.fill(fittingUrl);
    await captionField.fill('A caption that fits');
    await page.getByText(`${LIMITS.imageUrl} / ${LIMITS.imageUrl} characters`).waitFor();
    await page.getByRole('button', { name: 'Share' }).click();
    await page.waitForURL(`${session.server.url}/`);
    assert.equal(creates.length, 1);
    await page
      .getByRole('article', { name: 'Post by webdev' })
      .filter({ hasText: 'A caption that fits' })
      .waitFor();
    const feed = await apiGet<Post[]>(page, '/api/posts?limit=5');
    const saved = feed.find((post) => post.caption === 'A caption that fits');
    assert.equal(saved?.image_url, fittingUrl);
    page.off('request', countCreates);
  });

  it('edits the caption of your post', async () => {
    const mine = page.getByRole('article', { name: 'Post by webdev' }).filter({ hasText: caption });
    await mine.getByRole('link', { name: `Edit your post by webdev: ${caption}` }).click();
    await page.getByRole('heading', { name: 'Edit post' }).waitFor();
    const field = page.getByRole('textbox', { name: 'Caption' });
    assert.equal(await field.inputValue(), caption);
    assert.equal(await page.getByRole('textbox', { name: 'Alt text' }).inputValue(), altText);
    await expectNoAxeViolations(page, 'the Edit post form');
    await field.fill(editedCaption);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`${session.server.url}/`);
    await page
      .getByRole('article', { name: 'Post by webdev' })
      .filter({ hasText: editedCaption })
      .waitFor();
  });

  it('deletes your post after asking', async () => {
    const mine = page
      .getByRole('article', { name: 'Post by webdev' })
      .filter({ hasText: editedCaption });
    await mine
      .getByRole('button', { name: `Delete your post by webdev: ${editedCaption}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Delete this post?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'the delete dialog');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await mine.waitFor({ state: 'detached' });
    await page.reload();
    await page
      .getByRole('article', { name: /^Post by / })
      .first()
      .waitFor();
    assert.equal(await page.getByText(editedCaption).count(), 0);
  });

  it('offers no edit or delete on other people’s posts', async () => {
    const other = page.getByRole('article', { name: /^Post by (?!webdev$)/ }).first();
    await other.waitFor();
    assert.equal(await other.getByRole('button', { name: /^Delete your/ }).count(), 0);
    assert.equal(await other.getByRole('link', { name: /^Edit your/ }).count(), 0);
  });
});
