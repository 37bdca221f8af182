import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp, testDialect } from '../../../test/helpers';
import { describeScene, sceneFor } from '../../images/scene';

describe(`GET /media/seed/<name>.svg (${testDialect})`, () => {
  const t = useTestApp();

  it('serves a post image as SVG without a token, cacheable and locked down', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/media/seed/post-12.svg' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^image\/svg\+xml/);
    assert.match(String(response.headers['cache-control']), /max-age=31536000/);
    assert.match(String(response.headers['content-security-policy']), /default-src 'none'/);
    assert.match(response.body, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(response.body.endsWith('</svg>'));
    assert.doesNotMatch(response.body, /<script|href="http/i);
  });

  it('draws the same image for the same name every time and different ones for different names', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/media/seed/post-7.svg' });
    const again = await t.app.inject({ method: 'GET', url: '/media/seed/post-7.svg/' });
    const other = await t.app.inject({ method: 'GET', url: '/media/seed/post-8.svg' });
    assert.equal(first.body, again.body);
    assert.notEqual(first.body, other.body);
  });

  it('titles the post image with the same description the seed uses as alt text', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/media/seed/post-3.svg' });
    assert.ok(response.body.includes(`<title>${describeScene(sceneFor('post-3'))}</title>`));
  });

  it('serves avatars for any simple name, numeric or not', async () => {
    for (const name of ['avatar-1', 'avatar-user_abc123']) {
      const response = await t.app.inject({ method: 'GET', url: `/media/seed/${name}.svg` });
      assert.equal(response.statusCode, 200, name);
      assert.match(String(response.headers['content-type']), /^image\/svg\+xml/);
      assert.match(response.body, /<title>Profile picture<\/title>/);
    }
  });

  /** Names the seed images are not drawn for, and why. */
  const refused = [
    { file: 'banner-1.svg', why: 'an unknown kind of image' },
    { file: 'post-1.png', why: 'not SVG' },
    { file: 'post-.svg', why: 'no number' },
    { file: 'post-1.svg.svg', why: 'a doubled extension' },
    { file: '..%2Fpackage.json', why: 'an encoded path outside the folder' },
    { file: 'avatar-a%20b.svg', why: 'a space in the name' },
  ];
  it('answers a JSON 404 for unknown or malformed names', async () => {
    for (const { file, why } of refused) {
      const response = await t.app.inject({ method: 'GET', url: `/media/seed/${file}` });
      assert.equal(response.statusCode, 404, `${file}: ${why}`);
      assert.equal(typeof response.json().message, 'string', file);
    }
  });
});

describe('describeScene', () => {
  it('names what the scene draws: light, land, colours and extras', () => {
    for (let id = 1; id <= 200; id++) {
      const scene = sceneFor(`post-${id}`);
      const text = describeScene(scene);
      assert.ok(text.includes(scene.time === 'night' ? 'moon' : 'sun'), text);
      assert.ok(text.includes(scene.light.color.name), text);
      if (scene.land !== 'sea')
        assert.ok(
          text.includes(
            `${scene.landColor.name} ${scene.land.startsWith('mountains') ? 'mountain' : 'hill'}`,
          ),
          text,
        );
      if (scene.land.includes('sea')) assert.ok(text.includes(`${scene.seaColor.name} sea`), text);
      assert.equal(text.includes('cloud'), scene.clouds > 0, text);
      assert.equal(text.includes('bird'), scene.birds > 0, text);
      assert.doesNotMatch(text, /['"\\]/);
    }
  });
});
