import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkNewPassword, COMMON_PASSWORDS_REFUSED } from './password-rules';

const account = { username: 'ada.lovelace', email: 'Ada@Example.com' };

describe('checkNewPassword', () => {
  it('accepts a long, uncommon password', () => {
    assert.equal(checkNewPassword('analytical engine 1843', account), null);
  });

  it('refuses fewer than 8 and more than 128 characters, counting code points', () => {
    assert.match(checkNewPassword('x7#kq2!', account) ?? '', /at least 8/);
    assert.equal(checkNewPassword('x7#kq2!z', account), null);
    assert.equal(checkNewPassword('z'.repeat(127) + '🐙', account), null);
    assert.match(checkNewPassword('z'.repeat(128) + '🐙', account) ?? '', /at most 128/);
    // Seven emoji are 14 UTF-16 units but seven characters.
    assert.match(checkNewPassword('🐙'.repeat(7), account) ?? '', /at least 8/);
  });

  it('refuses the 10,000 most common passwords in any letter case, and only those', () => {
    const ranked = dictionary['passwords-common'];
    const eightPlus = ranked.slice(0, COMMON_PASSWORDS_REFUSED).filter((p) => p.length >= 8);
    assert.ok(eightPlus.length > 1000);
    for (const common of ['password', 'PassWord', '12345678', 'iloveyou', eightPlus.at(-1)!]) {
      assert.match(checkNewPassword(common, account) ?? '', /most common/, common);
    }
    const beyond = ranked.slice(COMMON_PASSWORDS_REFUSED).find((p) => p.length >= 8)!;
    assert.equal(checkNewPassword(beyond, account), null, beyond);
  });

  it('refuses the username and the email, ignoring case', () => {
    assert.match(checkNewPassword('ADA.LOVELACE', account) ?? '', /username/);
    assert.match(checkNewPassword('ada@example.com', account) ?? '', /email/);
  });
});
