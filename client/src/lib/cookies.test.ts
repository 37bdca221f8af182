import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCookie } from './cookies';

describe('readCookie', () => {
  it('finds a cookie among others, ignoring spaces', () => {
    const cookies = 'csrf_refresh_token=r-1; csrf_access_token=a-2;theme=dark';
    assert.equal(readCookie('csrf_access_token', cookies), 'a-2');
    assert.equal(readCookie('csrf_refresh_token', cookies), 'r-1');
    assert.equal(readCookie('theme', cookies), 'dark');
  });

  it('does not match a cookie whose name only starts with the name asked for', () => {
    assert.equal(readCookie('csrf', 'csrf_access_token=a'), undefined);
  });

  it('decodes percent-encoded values and keeps values containing =', () => {
    assert.equal(readCookie('a', 'a=x%20y'), 'x y');
    assert.equal(readCookie('b', 'b=k=v'), 'k=v');
  });

  it('returns undefined when the cookie is absent or there are no cookies', () => {
    assert.equal(readCookie('csrf_access_token', ''), undefined);
    assert.equal(readCookie('csrf_access_token', 'other=1'), undefined);
  });
});
