import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorFromHash, decodeLeniently } from './anchor';

describe('anchorFromHash', () => {
  it('decodes a well-formed fragment', () => {
    assert.equal(anchorFromHash('#get-api-posts'), 'get-api-posts');
    assert.equal(anchorFromHash('#caf%C3%A9'), 'café');
  });

  it('keeps a malformed fragment as it is instead of throwing', () => {
    for (const hash of ['#%', '#%E0%A4', '#%ZZ', '#a%', '#%uD800', '#%ED%A0%80'])
      assert.equal(anchorFromHash(hash), hash.slice(1));
  });

  it('names nothing for an empty fragment', () => {
    assert.equal(anchorFromHash(''), null);
    assert.equal(anchorFromHash('#'), null);
  });
});

describe('decodeLeniently', () => {
  it('decodes what decodeURIComponent can and returns the rest unchanged', () => {
    assert.equal(decodeLeniently('a%20b'), 'a b');
    assert.equal(decodeLeniently('100%'), '100%');
  });
});
