import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { bearer, createUser } from '../../../test/fixtures';
import { testDialect, useTestApp } from '../../../test/helpers';
import {
  exifHasGps,
  multipart,
  sidewaysJpegWithGps,
  smallImage,
  type FilePart,
} from '../../../test/images';

const dataDir = mkdtempSync(path.join(tmpdir(), 'photo-uploads-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

for (const storage of ['files', 'database'] as const) {
  describe(`POST /api/media and GET /media/u/<name> (${testDialect}, ${storage} storage)`, () => {
    const t = useTestApp({ env: { MEDIA_STORAGE: storage, DATA_DIR: dataDir } });

    async function upload(userId: number, files: FilePart[]) {
      const body = multipart(files);
      return t.app.inject({
        method: 'POST',
        url: '/api/media',
        headers: { ...bearer(t.app, userId), ...body.headers },
        payload: body.payload,
      });
    }

    const fetchMedia = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers });

    it('stores a sideways JPEG with GPS upright, re-encoded, with no metadata left', async () => {
      const user = await createUser(t.db);
      const original = await sidewaysJpegWithGps();
      const before = await sharp(original).metadata();
      assert.equal(before.orientation, 6);
      assert.ok(before.exif && exifHasGps(before.exif), 'the test image carries GPS tags');

      const response = await upload(user.id, [{ bytes: original, filename: 'IMG_0001.JPG' }]);
      assert.equal(response.statusCode, 201, response.body);
      const body = response.json<{
        image_url: string;
        thumb_url: string;
        width: number;
        height: number;
      }>();
      assert.match(body.image_url, /^\/media\/u\/[A-Za-z0-9_-]{22}\.webp$/);
      assert.match(body.thumb_url, /^\/media\/u\/[A-Za-z0-9_-]{22}-thumb\.webp$/);
      assert.deepEqual([body.width, body.height], [200, 300]);

      const image = await fetchMedia(body.image_url);
      assert.equal(image.statusCode, 200);
      const stored = image.rawPayload;
      const after = await sharp(stored).metadata();
      assert.equal(after.format, 'webp');
      assert.deepEqual([after.width, after.height], [200, 300]);
      for (const key of ['exif', 'icc', 'xmp', 'iptc', 'orientation'] as const) {
        assert.equal(after[key], undefined, `${key} is gone`);
      }
      assert.ok(!stored.includes('TestCam') && !stored.includes('Exif'), 'no EXIF bytes remain');

      // Upright: the red half that was on the left is now on top.
      const { data, info } = await sharp(stored)
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [
        ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
      ];
      const [topRed, topGreen, topBlue] = pixel(100, 40);
      const [bottomRed, , bottomBlue] = pixel(100, 260);
      assert.ok(topRed! > 200 && topGreen! < 60 && topBlue! < 60, `top is red: ${pixel(100, 40)}`);
      assert.ok(bottomBlue! > 200 && bottomRed! < 60, `bottom is blue: ${pixel(100, 260)}`);
    });

    it('accepts PNG, WebP, GIF and AVIF, and cuts an exactly 150 × 150 thumbnail', async () => {
      const user = await createUser(t.db);
      for (const format of ['png', 'webp', 'gif', 'avif'] as const) {
        const bytes = await smallImage(format, 320, 180);
        const response = await upload(user.id, [
          { bytes, filename: `picture.${format}`, contentType: 'application/octet-stream' },
        ]);
        assert.equal(response.statusCode, 201, `${format}: ${response.body}`);
        const { thumb_url, width, height } = response.json<{
          thumb_url: string;
          width: number;
          height: number;
        }>();
        assert.deepEqual([width, height], [320, 180], format);
        const thumb = await sharp((await fetchMedia(thumb_url)).rawPayload).metadata();
        assert.deepEqual([thumb.format, thumb.width, thumb.height], ['webp', 150, 150], format);
      }
    });

    it('scales the longest side down to 2048 pixels', async () => {
      const user = await createUser(t.db);
      const response = await upload(user.id, [{ bytes: await smallImage('jpeg', 4096, 1024) }]);
      assert.equal(response.statusCode, 201, response.body);
      assert.deepEqual(
        [response.json<{ width: number }>().width, response.json<{ height: number }>().height],
        [2048, 512],
      );
    });

    it('serves both URLs publicly with immutable caching, nosniff, CORP and a working ETag', async () => {
      const user = await createUser(t.db);
      const { image_url, thumb_url } = (
        await upload(user.id, [{ bytes: await smallImage('png') }])
      ).json<{
        image_url: string;
        thumb_url: string;
      }>();
      for (const url of [image_url, thumb_url]) {
        const response = await fetchMedia(url);
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.headers['content-type'], 'image/webp');
        assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
        assert.equal(response.headers['x-content-type-options'], 'nosniff');
        assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
        const etag = String(response.headers.etag);
        assert.match(etag, /^"[A-Za-z0-9_-]{32}"$/);

        const revalidated = await fetchMedia(url, { 'if-none-match': `W/"other", ${etag}` });
        assert.equal(revalidated.statusCode, 304);
        assert.equal(revalidated.body, '');
        assert.equal(revalidated.headers.etag, etag);
        const changed = await fetchMedia(url, { 'if-none-match': '"something-else"' });
        assert.equal(changed.statusCode, 200);
      }
    });

    it(`keeps the files in ${storage === 'files' ? 'DATA_DIR/media' : 'the uploaded_media table'}`, async () => {
      const user = await createUser(t.db);
      const { image_url } = (await upload(user.id, [{ bytes: await smallImage('gif') }])).json<{
        image_url: string;
      }>();
      const name = image_url.slice('/media/u/'.length);
      const row = await t.db.kysely
        .selectFrom('uploaded_media')
        .select(['user_id', 'content_type'])
        .where('name', '=', name)
        .executeTakeFirst();
      const onDisk = existsSync(path.join(dataDir, 'media', name));
      if (storage === 'files') {
        assert.ok(onDisk);
        assert.equal(row, undefined);
      } else {
        assert.ok(!onDisk);
        assert.deepEqual(row, { user_id: user.id, content_type: 'image/webp' });
      }
    });

    it('answers 404 for names that were never stored or could not be', async () => {
      const never = 'AAAAAAAAAAAAAAAAAAAAAA';
      const names = [`${never}.webp`, 'short.webp', '..%2F..%2Fpackage.json', `${never}.svg`];
      for (const url of names.map((name) => `/media/u/${name}`)) {
        const response = await fetchMedia(url);
        assert.equal(response.statusCode, 404, url);
        assert.match(response.json<{ message: string }>().message, /No uploaded image/);
      }
    });

    it('lets a post use the URLs: the new post shows in the feed with its image', async () => {
      const user = await createUser(t.db);
      const auth = bearer(t.app, user.id);
      const { image_url } = (await upload(user.id, [{ bytes: await sidewaysJpegWithGps() }])).json<{
        image_url: string;
      }>();
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/posts',
        headers: auth,
        payload: { image_url, caption: 'From my phone', alt_text: 'Red above blue' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const feed = await t.app.inject({ method: 'GET', url: '/api/posts', headers: auth });
      const post = feed.json<{ id: number; image_url: string }[]>()[0];
      assert.equal(post?.image_url, image_url);
      assert.equal((await fetchMedia(image_url)).statusCode, 200);
    });
  });
}
