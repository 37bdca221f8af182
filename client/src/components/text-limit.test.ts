import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMITS } from '../../../contract/limits';
import {
  charactersOver,
  counterText,
  firstOverLimit,
  overLimitMessage,
  textLength,
} from './text-limit';

describe('textLength', () => {
  it('counts characters as the server does (code points), not UTF-16 units', () => {
    assert.equal(textLength('harbour'), 7);
    assert.equal(textLength('🌅 dawn'), 6);
    assert.equal('🌅 dawn'.length, 7);
  });
});

describe('overLimitMessage', () => {
  it('is null while the text fits, up to and including the limit', () => {
    assert.equal(overLimitMessage('', 200), null);
    assert.equal(overLimitMessage('x'.repeat(200), 200), null);
    assert.equal(charactersOver('x'.repeat(200), 200), 0);
  });

  it('says by how much a 274-character image address is over the limit of 200', () => {
    const url = `https://example.com/${'a'.repeat(274 - 20)}`;
    assert.equal(textLength(url), 274);
    assert.equal(charactersOver(url, LIMITS.imageUrl), 74);
    assert.equal(
      overLimitMessage(url, LIMITS.imageUrl),
      '74 characters over the limit of 200. Shorten it to save.',
    );
  });

  it('uses the singular for one character and groups thousands', () => {
    assert.equal(
      overLimitMessage('x'.repeat(2201), 2200),
      '1 character over the limit of 2,200. Shorten it to save.',
    );
  });

  it('names what shortening allows', () => {
    assert.equal(
      overLimitMessage('x'.repeat(52), LIMITS.userSearch, 'search'),
      '2 characters over the limit of 50. Shorten it to search.',
    );
  });
});

describe('counterText', () => {
  it('shows the length against the limit', () => {
    assert.equal(counterText('dawn', 2200), '4 / 2,200 characters');
  });
});

describe('firstOverLimit', () => {
  const fields = [
    { name: 'The image address', text: 'https://example.com/a.jpg', max: 200 },
    { name: 'The caption', text: 'x'.repeat(2300), max: 2200 },
    { name: 'The alt text', text: 'y'.repeat(1001), max: 1000 },
  ];

  it('names the first field that is too long, with its length and the overshoot', () => {
    assert.equal(
      firstOverLimit(fields),
      'The caption is 2,300 characters long, 100 over the limit of 2,200.',
    );
  });

  it('is null when every field fits', () => {
    assert.equal(firstOverLimit(fields.slice(0, 1)), null);
  });
});
