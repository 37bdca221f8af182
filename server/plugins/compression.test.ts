// Compression of what the app generates (server/plugins/compression.ts): answers above
// the threshold come compressed in the encoding the client prefers among br, gzip and
// deflate, decompress to exactly the identity answer, and say Vary: Accept-Encoding;
// small answers and clients that ask for none get the body as it is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { bearer, createPost, createStory, createUser, follow } from '../../test/fixtures';
import { testDialect, useTestApp } from '../../test/helpers';
import { COMPRESSION_THRESHOLD_BYTES } from './compression';

const t = useTestApp();

const DECODERS: Record<string, (body: Buffer) => Buffer> = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
  deflate: inflateSync,
};

describe(`response compression (${testDialect})`, () => {
  it('compresses JSON above the threshold in the preferred encoding, byte for byte', async () => {
    const viewer = await createUser(t.db);
    const friend = await createUser(t.db);
    await follow(t.db, viewer.id, friend.id);
    for (let i = 0; i < 12; i++) {
      await createPost(t.db, friend.id, { hoursAgo: i });
      await createStory(t.db, friend.id, `A story of the day, number ${i}`, i);
    }
    const headers = bearer(t.app, viewer.id);
    for (const url of ['/api/posts?limit=12', '/api/stories']) {
      const plain = await t.app.inject({
        url,
        headers: { ...headers, 'accept-encoding': 'identity' },
      });
      assert.equal(plain.statusCode, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.rawPayload.length > COMPRESSION_THRESHOLD_BYTES, `${url} is large enough`);
      for (const [accept, encoding] of [
        ['gzip, deflate, br', 'br'],
        ['gzip, deflate', 'gzip'],
        ['deflate', 'deflate'],
        ['br;q=0.5, gzip;q=1', 'gzip'],
      ] as const) {
        const response = await t.app.inject({
          url,
          headers: { ...headers, 'accept-encoding': accept },
        });
        assert.equal(response.headers['content-encoding'], encoding, `${url} with ${accept}`);
        assert.match(String(response.headers.vary), /accept-encoding/i);
        assert.ok(response.rawPayload.length < plain.rawPayload.length / 2, `${url} shrinks`);
        assert.deepEqual(DECODERS[encoding]!(response.rawPayload), plain.rawPayload);
      }
    }
  });

  it('sends small answers and answers to clients asking for no encoding as they are', async () => {
    const viewer = await createUser(t.db);
    const headers = bearer(t.app, viewer.id);
    const profile = await t.app.inject({
      url: '/api/profile',
      headers: { ...headers, 'accept-encoding': 'br, gzip' },
    });
    assert.equal(profile.statusCode, 200);
    assert.ok(profile.rawPayload.length < COMPRESSION_THRESHOLD_BYTES);
    assert.equal(profile.headers['content-encoding'], undefined);
    assert.equal(profile.json().id, viewer.id);
  });
});
