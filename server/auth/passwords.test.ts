// Test vectors made with the machine's python3 (hashlib), formatted exactly as
// werkzeug's generate_password_hash writes them (API.md §5):
//   hashlib.scrypt(pw.encode(), salt=salt.encode(), n=N, r=r, p=p, maxmem=132*N*r*p).hex()
//   hashlib.pbkdf2_hmac('sha256', pw.encode(), salt.encode(), iterations).hex()
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config';
import {
  configurePasswordHashing,
  DUMMY_PASSWORD_HASH,
  dummyPasswordHash,
  hashPassword,
  verifyPassword,
} from './passwords';

const SCRYPT_OWASP =
  'scrypt:131072:8:1$Zq3RkT8wPb2Ld5Xy$be8c9cd3e434e6380abf8467e9941c2c4d58bbb4a0886cfc7fa84c274e0be9665dc44c2dda067f2269b2096f6ab0eae85b92a77c2fa305a7ddce076632085005';
// werkzeug 3.0's default (N=2^15) of a non-ASCII password: weaker than ours.
const SCRYPT_WERKZEUG_DEFAULT =
  'scrypt:32768:8:1$aB3dE6gH9jK2mN5p$8eb455e5c2971264c528060f2568b8ecab662559daa456c96664798052ccba4d79d691481ab288bce502da32cfaac95b74f9e2ebbf43082a8aa19c0af025dd97';
// "password" at N=2^12 (test/sessions.ts PASSWORD_HASH).
const CHEAP_HEX =
  '301638ddd13ce9a3c3c69be6be6b478c56dba8f123cbb7fc585296085ff0747325bce4b65df5607010eab44bdd5b2d55eecc58f8de1b85cfe3d3a9c7f45ca638';
const PBKDF2_600K =
  'pbkdf2:sha256:600000$sPrFuKqxv1eG9WnD$f15f3831169ffaa4fbe2289fd7c9f8e4887d366cc2f78432eb32b18ea5e8040d';
const PBKDF2_260K =
  'pbkdf2:sha256:260000$x$4ce3adbfcd91fd221fda26ce21ac33de5e43f093709edfc809383f2acd3da85f';

describe('verifyPassword', () => {
  it('verifies a werkzeug scrypt hash at OWASP strength without asking for a rehash', async () => {
    assert.deepEqual(await verifyPassword('password', SCRYPT_OWASP), {
      ok: true,
      needsRehash: false,
    });
  });

  it('refuses a wrong password for a scrypt hash', async () => {
    assert.deepEqual(await verifyPassword('Password', SCRYPT_OWASP), {
      ok: false,
      needsRehash: false,
    });
  });

  it('verifies a weaker werkzeug scrypt hash of a non-ASCII password and asks for a rehash', async () => {
    assert.deepEqual(await verifyPassword('pässwörd ✓', SCRYPT_WERKZEUG_DEFAULT), {
      ok: true,
      needsRehash: true,
    });
    assert.equal((await verifyPassword('passwörd ✓', SCRYPT_WERKZEUG_DEFAULT)).ok, false);
  });

  it('verifies werkzeug pbkdf2:sha256 hashes and always asks for a rehash', async () => {
    assert.deepEqual(await verifyPassword('password', PBKDF2_600K), {
      ok: true,
      needsRehash: true,
    });
    assert.deepEqual(await verifyPassword('hunter2', PBKDF2_260K), { ok: true, needsRehash: true });
    assert.deepEqual(await verifyPassword('hunter3', PBKDF2_260K), {
      ok: false,
      needsRehash: false,
    });
  });

  it('refuses a hash whose digest was tampered with', async () => {
    const tampered = SCRYPT_OWASP.slice(0, -1) + (SCRYPT_OWASP.endsWith('5') ? '6' : '5');
    assert.equal((await verifyPassword('password', tampered)).ok, false);
  });

  it('refuses, without throwing, stored values that are not a usable hash', async () => {
    for (const stored of [
      '',
      'no-login',
      'password',
      'scrypt:131072:8:1$salt',
      'scrypt:131072:8$salt$abcd',
      'scrypt:100000:8:1$salt$abcd',
      'scrypt:4194304:8:1$salt$abcd',
      'pbkdf2:md5:1000$salt$abcd',
      'pbkdf2:sha256:99999999$salt$abcd',
      'bcrypt$salt$abcd',
      'scrypt:131072:8:1$$' + '00'.repeat(64),
      'scrypt:131072:8:1$salt$xyz',
    ]) {
      assert.deepEqual(
        await verifyPassword('password', stored),
        { ok: false, needsRehash: false },
        stored,
      );
    }
  });

  it('never matches the dummy hash used for unknown usernames', async () => {
    assert.equal((await verifyPassword('password', DUMMY_PASSWORD_HASH)).ok, false);
    assert.equal((await verifyPassword('', DUMMY_PASSWORD_HASH)).ok, false);
  });
});

describe('hashPassword', () => {
  it('writes werkzeug scrypt format at N=2^17, r=8, p=1 with a 16-character alphanumeric salt', async () => {
    const hash = await hashPassword('correct horse');
    assert.match(hash, /^scrypt:131072:8:1\$[A-Za-z0-9]{16}\$[0-9a-f]{128}$/);
    assert.deepEqual(await verifyPassword('correct horse', hash), { ok: true, needsRehash: false });
    assert.equal((await verifyPassword('correct horse!', hash)).ok, false);
  });

  it('reproduces the python3 hashlib vector exactly when given the same salt', async () => {
    assert.equal(await hashPassword('password', { salt: 'Zq3RkT8wPb2Ld5Xy' }), SCRYPT_OWASP);
  });

  it('uses a new random salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    assert.notEqual(a.split('$')[1], b.split('$')[1]);
  });

  it('refuses a salt werkzeug could not store', async () => {
    await assert.rejects(hashPassword('x', { salt: 'a$b' }));
    await assert.rejects(hashPassword('x', { salt: '' }));
  });
});

describe('PASSWORD_HASH_COST', () => {
  const base = { JWT_SECRET: 'a-secret-that-is-long-enough-for-hs256-0123456789' };

  it('may go below OWASP strength only with NODE_ENV=test', () => {
    assert.equal(loadConfig({ ...base, NODE_ENV: 'test' }).passwordHashCost, 17);
    assert.equal(
      loadConfig({ ...base, NODE_ENV: 'test', PASSWORD_HASH_COST: '12' }).passwordHashCost,
      12,
    );
    assert.throws(
      () => loadConfig({ ...base, NODE_ENV: 'development', PASSWORD_HASH_COST: '12' }),
      /PASSWORD_HASH_COST/,
    );
  });

  it('sets the cost of new hashes and of the dummy hash, and back', async () => {
    try {
      configurePasswordHashing({ cost: 12 });
      const cheap = await hashPassword('pw');
      assert.match(cheap, /^scrypt:4096:8:1\$/);
      assert.deepEqual(await verifyPassword('pw', cheap), { ok: true, needsRehash: false });
      assert.match(dummyPasswordHash(), /^scrypt:4096:8:1\$/);
      assert.equal((await verifyPassword('', dummyPasswordHash())).ok, false);
    } finally {
      configurePasswordHashing({ cost: 17 });
    }
    assert.equal(dummyPasswordHash(), DUMMY_PASSWORD_HASH);
    // Back at full strength, a cheap hash is weaker: replaced on the next login.
    assert.equal(
      (await verifyPassword('password', 'scrypt:4096:8:1$Zq3RkT8wPb2Ld5Xy$' + CHEAP_HEX))
        .needsRehash,
      true,
    );
  });
});
