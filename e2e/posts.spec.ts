// Your own posts end to end: create one (with alt text), edit it, delete it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  startLoggedInSession,
  type LoggedInSession,
} from './support/browser';

let session: LoggedInSession;
let page: Page;

const caption = 'Morning light on the harbour';
const editedCaption = 'Evening light on the harbour';
const altText = 'Fishing boats moored in a calm harbour at sunrise';

describe('creating, editing and deleting a post', () => {
  before(async () => {
    session = await startLoggedInSession();
    page = session.page;
  });

  after(() => session?.close());

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
