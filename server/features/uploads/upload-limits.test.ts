import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { apiAs, bearer, createUser } from '../../../test/fixtures';
import { testDialect, useTestApp } from '../../../test/helpers';
import { multipart, pngBomb, smallImage, type FilePart } from '../../../test/images';
import { UPLOADS_PER_HOUR } from './uploads.routes';

const dataDir = mkdtempSync(path.join(tmpdir(), 'photo-upload-limits-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const MIB = 1024 * 1024;

describe(`POST /api/media refusals (${testDialect})`, () => {
  const t = useTestApp({ env: { DATA_DIR: dataDir } });

  async function upload(
    files: FilePart[],
    options: { fields?: Record<string, string>; userId?: number } = {},
  ) {
    const userId = options.userId ?? (await createUser(t.db)).id;
    const body = multipart(files, options.fields);
    return t.app.inject({
      method: 'POST',
      url: '/api/media',
      headers: { ...bearer(t.app, userId), ...body.headers },
      payload: body.payload,
    });
  }

  const messageOf = (response: { json: <T>() => T }) =>
    response.json<{ message: string }>().message;

  it('answers 415 for a text file named .jpg and for an SVG, whatever they claim to be', async () => {
    const text = Buffer.from('This is not a photo, just some words.\n'.repeat(20));
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    for (const file of [
      { bytes: text, filename: 'holiday.jpg', contentType: 'image/jpeg' },
      { bytes: svg, filename: 'drawing.png', contentType: 'image/png' },
    ]) {
      const response = await upload([file]);
      assert.equal(response.statusCode, 415, file.filename);
      assert.match(messageOf(response), /not an image we can use.*JPEG, PNG, WebP, GIF or AVIF/);
    }
  });

  it('answers 400 for a file that starts like a JPEG but is not one', async () => {
    const damaged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    const response = await upload([{ bytes: damaged }]);
    assert.equal(response.statusCode, 400);
    assert.match(messageOf(response), /could not be read as an image/);
  });

  it('answers 413 for an 11 MB file, declared up front or found while reading', async () => {
    const eleven = Buffer.alloc(11 * MIB, 1);
    eleven.set([0xff, 0xd8, 0xff], 0);
    const declared = await upload([{ bytes: eleven }]);
    assert.equal(declared.statusCode, 413);
    assert.equal(messageOf(declared), 'The file is too large: at most 10 MB.');

    // Small enough overall to pass the Content-Length check: busboy's file limit stops it.
    const justOver = Buffer.alloc(10 * MIB + 1, 1);
    justOver.set([0xff, 0xd8, 0xff], 0);
    const streamed = await upload([{ bytes: justOver }]);
    assert.equal(streamed.statusCode, 413);
    assert.equal(messageOf(streamed), 'The file is too large: at most 10 MB.');
  });

  it('refuses a pixel bomb from its header: 413, and memory stays flat', async (context) => {
    const side = 20_000; // 400 megapixels, about 400 MB decoded, under 50 KB as a file
    const bomb = await pngBomb(side);
    const declared = await sharp(bomb, { limitInputPixels: false }).metadata();
    assert.deepEqual([declared.width, declared.height], [side, side]);
    assert.ok(bomb.length < 100_000);

    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const response = await upload([
      { bytes: bomb, filename: 'bomb.png', contentType: 'image/png' },
    ]);
    const elapsedMs = performance.now() - started;
    clearInterval(sampler);
    const grownBytes = Math.max(peak, process.memoryUsage().rss) - rssBefore;
    context.diagnostic(
      `pixel bomb ${side}×${side} (${bomb.length} bytes): ${response.statusCode} in ${elapsedMs.toFixed(0)} ms, peak RSS +${(grownBytes / MIB).toFixed(1)} MiB`,
    );
    assert.equal(response.statusCode, 413);
    assert.match(messageOf(response), /20000 × 20000 pixels; at most 50 megapixels/);
    // Decoding it anyway (libvips streams it) costs about 45 MiB and 5 s of CPU.
    assert.ok(grownBytes < 24 * MIB, `RSS grew by ${(grownBytes / MIB).toFixed(0)} MiB`);
  });

  it('answers 400 for two files in one request, a missing file or a misnamed field', async () => {
    const image = await smallImage('png');
    const two = await upload([{ bytes: image }, { bytes: image, field: 'file' }]);
    assert.equal(two.statusCode, 400);
    assert.equal(messageOf(two), 'Send one file per request.');

    const none = await upload([], { fields: { caption: 'no file here' } });
    assert.equal(none.statusCode, 400);
    assert.match(messageOf(none), /Missing the file: send it in a field named "file"/);

    const misnamed = await upload([{ bytes: image, field: 'photo' }]);
    assert.equal(misnamed.statusCode, 400);
    assert.match(messageOf(misnamed), /must be named "file" \(got "photo"\)/);

    const empty = await upload([{ bytes: Buffer.alloc(0) }]);
    assert.equal(empty.statusCode, 400);
    assert.equal(messageOf(empty), 'The file is empty.');
  });

  it('answers 400 for more form fields than an upload form has', async () => {
    const fields = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`field${i}`, 'x']));
    const response = await upload([{ bytes: await smallImage('png') }], { fields });
    assert.equal(response.statusCode, 400);
    assert.match(messageOf(response), /Too many form fields/);
  });

  it('answers 415 for a JSON or empty body and 401 without a token', async () => {
    const as = apiAs(t.app, (await createUser(t.db)).id);
    const json = await as('POST', '/api/media', { image_url: 'https://example.com/a.jpg' });
    assert.equal(json.statusCode, 415);
    assert.match(messageOf(json), /multipart\/form-data with one file field named "file"/);
    assert.equal((await as('POST', '/api/media')).statusCode, 415);

    const body = multipart([{ bytes: await smallImage('png') }]);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/media',
      headers: body.headers,
      payload: body.payload,
    });
    assert.equal(anonymous.statusCode, 401);
  });

  it(`allows ${UPLOADS_PER_HOUR} uploads per user per hour, then 429 with Retry-After`, async () => {
    const user = await createUser(t.db);
    const other = await createUser(t.db);
    const image = await smallImage('png', 8, 8);
    for (let i = 0; i < UPLOADS_PER_HOUR; i++) {
      const response = await upload([{ bytes: image }], { userId: user.id });
      assert.equal(response.statusCode, 201, `upload ${i + 1}: ${response.body}`);
    }
    const refused = await upload([{ bytes: image }], { userId: user.id });
    assert.equal(refused.statusCode, 429);
    assert.match(messageOf(refused), /uploaded 60 images in the last hour/);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
    // A refused file is not counted, and another user has their own quota.
    assert.equal((await upload([{ bytes: image }], { userId: other.id })).statusCode, 201);
  });
});
