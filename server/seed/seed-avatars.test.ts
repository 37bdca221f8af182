// Every seeded profile picture, as a course client draws it: thumb_url at its natural
// size (30 px, the course's thumbnails) and image_url at 150 px. Each one is fetched
// from the app and rasterised by sharp (librsvg), so a broken or empty drawing fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { testDialect, useTestApp } from '../../test/helpers';
import { AVATAR_SIZE, THUMBNAIL_SIZE } from '../images/scene-svg';
import { generateDemoData } from './demo-data';
import { userRow, type LargeShape } from './large-rows';

interface Rendered {
  width: number;
  height: number;
  /** Distinct colours among the pixels: a drawing, not a blank square. */
  colours: number;
  /** The top-left pixel: the portrait's background colour. */
  corner: string;
}

describe(`seeded profile pictures (${testDialect})`, () => {
  const t = useTestApp();
  const users = generateDemoData({ now: new Date(), passwordHash: 'h' }).users;

  async function render(url: string): Promise<Rendered> {
    const response = await t.app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 200, url);
    assert.match(String(response.headers['content-type']), /^image\/svg\+xml/, url);
    const { data, info } = await sharp(response.rawPayload)
      .flatten({ background: '#ffffff' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = new Set<string>();
    for (let offset = 0; offset < data.length; offset += info.channels) {
      pixels.add(data.subarray(offset, offset + 3).toString('hex'));
    }
    return {
      width: info.width,
      height: info.height,
      colours: pixels.size,
      corner: data.subarray(0, 3).toString('hex'),
    };
  }

  it('gives every demo user a thumbnail of its own, 30 × 30 px, and a 150 × 150 px picture', async () => {
    assert.ok(users.length >= 10);
    for (const user of users) {
      assert.notEqual(user.thumb_url, user.image_url, user.username);
      const thumbnail = await render(user.thumb_url);
      const picture = await render(user.image_url);
      assert.deepEqual([thumbnail.width, thumbnail.height], [THUMBNAIL_SIZE, THUMBNAIL_SIZE]);
      assert.deepEqual([picture.width, picture.height], [AVATAR_SIZE, AVATAR_SIZE]);
      assert.ok(thumbnail.colours >= 3, `${user.thumb_url} shows a face, not a blank square`);
      assert.ok(picture.colours >= 3, `${user.image_url} shows a face, not a blank square`);
      assert.equal(thumbnail.corner, picture.corner, `${user.username}: the same portrait`);
    }
  });

  it('does the same for the large seed', async () => {
    const shape: LargeShape = {
      users: 2000,
      postsPerUser: 1,
      followsPerUser: 1,
      commentsPerUser: 0,
      likesPerUser: 0,
      bookmarksPerUser: 0,
      storiesPerUser: 0,
      now: Date.now(),
      passwordHash: 'h',
    };
    const user = userRow(shape, 1234);
    assert.deepEqual(
      [(await render(String(user.thumb_url))).width, (await render(String(user.image_url))).width],
      [THUMBNAIL_SIZE, AVATAR_SIZE],
    );
  });
});
