// The three counter stores directly, without password hashing in between, so a
// burst can be repeated until an interleaving bug shows: each round sends 60
// parallel attempts against the limiter's three counters (limits 10, 20 and 50), and
// exactly 10 must be admitted — a refused attempt must never make another look over
// its limit (that happened on PostgreSQL when the database store counted one key at a
// time), and no burst may slip past one.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, testDialect } from '../../test/helpers';
import type { Db } from '../db/database';
import {
  createDatabaseStore,
  createMemoryStore,
  createRedisStore,
  type Counter,
  type CounterStore,
} from './counter-stores';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const WINDOW_SECONDS = 900;

function countersOfRound(round: number): Counter[] {
  return [
    { key: `user-address:${round}`, limit: 10 },
    { key: `user:${round}`, limit: 20 },
    { key: `address:${round}`, limit: 50 },
  ];
}

async function burst(store: CounterStore, round: number, size: number) {
  const answers = await Promise.all(
    Array.from({ length: size }, () => store.take(countersOfRound(round), WINDOW_SECONDS)),
  );
  return {
    admitted: answers.filter((a) => a === null).length,
    waits: answers.filter((a): a is number => a !== null),
  };
}

describe(`login counter stores (${testDialect})`, () => {
  let database: { db: Db; drop: () => Promise<void> };
  const stores: Record<string, CounterStore> = {};
  before(async () => {
    database = await createTestDatabase();
    stores.memory = createMemoryStore();
    stores.redis = createRedisStore(REDIS_URL, `photo-app-test:${randomBytes(6).toString('hex')}:`);
    stores.database = createDatabaseStore(database.db.kysely);
  });
  after(async () => {
    for (const store of Object.values(stores)) await store.close();
    await database.db.close();
    await database.drop();
  });

  for (const name of ['memory', 'redis', 'database']) {
    it(`${name}: admits exactly 10 of 60 parallel attempts, round after round`, async () => {
      const store = stores[name]!;
      for (let round = 0; round < 10; round++) {
        const { admitted, waits } = await burst(store, round, 60);
        assert.equal(admitted, 10, `round ${round}: ${admitted} of 60 admitted`);
        assert.equal(waits.length, 50);
        for (const wait of waits) assert.ok(wait > 0 && wait <= WINDOW_SECONDS, `wait ${wait}`);
      }
    });

    it(`${name}: a success given back frees its place, a refusal keeps nothing`, async () => {
      const store = stores[name]!;
      const round = 1000;
      const counters = countersOfRound(round);
      for (let i = 0; i < 10; i++) assert.equal(await store.take(counters, WINDOW_SECONDS), null);
      assert.notEqual(await store.take(counters, WINDOW_SECONDS), null);
      await store.giveBack(counters.map((c) => c.key));
      assert.equal(await store.take(counters, WINDOW_SECONDS), null);
      assert.notEqual(await store.take(counters, WINDOW_SECONDS), null);
    });
  }
});
