// The token service's verification cache (tokens.ts): a token answered from the cache
// must still expire on time, and a token that failed once must not be remembered as good.
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { decodeJwt, flaskToken } from '../../test/jwt';
import { createTokenService, InvalidTokenError } from './tokens';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** Access tokens for a minute, refresh tokens for an hour, signed with `secret`. */
const serviceWith = (secret = SECRET) =>
  createTokenService({ secret, accessTtlSeconds: 60, refreshTtlSeconds: 3600 });

describe('token verification cache', () => {
  it('refuses a token it verified before once the token has expired', (context) => {
    context.after(() => mock.timers.reset());
    mock.timers.enable({ apis: ['Date'], now: Date.UTC(2026, 10, 26, 12) });
    const tokens = serviceWith();
    const { token } = tokens.sign('access', 7);
    // Twice, so that the second answer comes from the cache.
    assert.equal(tokens.verify(token, 'access').sub, '7');
    assert.equal(tokens.verify(token, 'access').sub, '7');
    mock.timers.tick(59_000);
    assert.equal(tokens.verify(token, 'access').sub, '7');
    mock.timers.tick(2_000);
    assert.throws(
      () => tokens.verify(token, 'access'),
      (error) => error instanceof InvalidTokenError && error.kind === 'expired',
    );
  });

  it('refuses a token before its nbf, and accepts it (again and again) from then on', (context) => {
    context.after(() => mock.timers.reset());
    mock.timers.enable({ apis: ['Date'], now: Date.UTC(2026, 10, 26, 12) });
    const nowSeconds = Math.floor(Date.now() / 1000);
    const token = flaskToken(SECRET, 'access', '7', { nbf: nowSeconds + 30 });
    const tokens = serviceWith();
    assert.throws(
      () => tokens.verify(token, 'access'),
      (error) => error instanceof InvalidTokenError && /not valid yet/.test(error.message),
    );
    mock.timers.tick(30_000);
    for (let i = 0; i < 3; i++) assert.equal(tokens.verify(token, 'access').sub, '7');
  });

  it('answers a token without nbf (older Flask apps) from the cache until its exp', (context) => {
    context.after(() => mock.timers.reset());
    mock.timers.enable({ apis: ['Date'], now: Date.UTC(2026, 10, 26, 12) });
    const nowSeconds = Math.floor(Date.now() / 1000);
    const token = flaskToken(SECRET, 'access', '7', { nbf: undefined, exp: nowSeconds + 60 });
    const tokens = serviceWith();
    for (let i = 0; i < 3; i++) assert.equal(tokens.verify(token, 'access').sub, '7');
    mock.timers.tick(61_000);
    assert.throws(
      () => tokens.verify(token, 'access'),
      (error) => error instanceof InvalidTokenError && error.kind === 'expired',
    );
  });

  it('checks the expected type on every call, cached or not', () => {
    const tokens = serviceWith();
    const { token } = tokens.sign('refresh', 7);
    assert.equal(tokens.verify(token, 'refresh').type, 'refresh');
    assert.throws(() => tokens.verify(token, 'access'), InvalidTokenError);
    assert.throws(() => tokens.verify(token, 'access'), InvalidTokenError);
  });

  it('does not remember a token signed with another secret as good', () => {
    const ours = serviceWith();
    const theirs = serviceWith(`${SECRET}-other`);
    const { token } = theirs.sign('access', 7);
    for (let i = 0; i < 2; i++)
      assert.throws(() => ours.verify(token, 'access'), InvalidTokenError);
  });

  it('answers from the cache only the exact token it verified', () => {
    const tokens = serviceWith();
    const { token } = tokens.sign('access', 7);
    assert.equal(tokens.verify(token, 'access').sub, '7');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(token).claims, sub: '8' })).toString(
      'base64url',
    );
    const first = signature.startsWith('A') ? 'B' : 'A';
    for (const altered of [
      `${header}.${forged}.${signature}`,
      `${header}.${payload}.${first}${signature.slice(1)}`,
      `${token}.`,
    ]) {
      assert.throws(() => tokens.verify(altered, 'access'), InvalidTokenError, altered);
    }
    assert.equal(tokens.verify(token, 'access').sub, '7');
  });
});
