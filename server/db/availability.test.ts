import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  classifyDatabaseError,
  createAvailability,
  databaseUnavailability,
  describeError,
  markDatabaseError,
  type AvailabilityChange,
  SETTLE_MS,
} from './availability';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('classifyDatabaseError', () => {
  it('calls a lost or refused connection "down"', () => {
    for (const error of [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006', 'connection failure'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      Object.assign(new AggregateError([withCode('ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
    ]) {
      assert.equal(classifyDatabaseError(error), 'down', describeError(error));
    }
  });

  it('calls a timeout or a held lock "busy"', () => {
    assert.equal(
      classifyDatabaseError(withCode('57014', 'canceling statement due to statement timeout')),
      'busy',
    );
    assert.equal(classifyDatabaseError(withCode('SQLITE_BUSY', 'database is locked')), 'busy');
  });

  it('leaves every other error alone', () => {
    for (const error of [
      withCode('23505', 'duplicate key'),
      withCode('SQLITE_CONSTRAINT_UNIQUE'),
      new TypeError('x is undefined'),
      'a string',
      null,
    ]) {
      assert.equal(classifyDatabaseError(error), null);
    }
  });

  it('classifies only errors that came from the driver (a client reset is not a database outage)', () => {
    const fromClient = withCode('ECONNRESET', 'aborted');
    assert.equal(databaseUnavailability(fromClient), null);
    const fromDriver = withCode('ECONNRESET', 'read ECONNRESET');
    markDatabaseError(fromDriver);
    assert.equal(databaseUnavailability(fromDriver), 'down');
  });
});

describe('createAvailability', () => {
  it('reports one change when the database goes away and one when it is back', () => {
    let clock = 0;
    const availability = createAvailability(() => clock);
    const changes: AvailabilityChange[] = [];
    availability.onChange((change) => changes.push(change));

    availability.reportSuccess();
    availability.reportFailure(withCode('23505', 'duplicate key'));
    assert.equal(changes.length, 0, 'a constraint error says nothing about availability');

    for (let i = 0; i < 5; i++) availability.reportFailure(withCode('ECONNREFUSED', 'refused'));
    assert.equal(changes.length, 1);
    assert.equal(changes[0]?.available, false);
    assert.equal(availability.outage, 'ECONNREFUSED refused');

    clock += SETTLE_MS;
    availability.reportSuccess();
    availability.reportSuccess();
    assert.equal(changes.length, 2);
    assert.equal(changes[1]?.available, true);
    assert.equal(changes[1]?.downForMs, SETTLE_MS);
    assert.equal(availability.outage, null);
  });

  it('reports several connections failing one after another, between successes, as one outage', () => {
    let clock = 0;
    const availability = createAvailability(() => clock);
    const changes: AvailabilityChange[] = [];
    availability.onChange((change) => changes.push(change));
    // Five pooled connections killed at once, each failing on its next use.
    for (let i = 0; i < 5; i++) {
      availability.reportFailure(withCode('57P01', 'terminating connection'));
      clock += 50;
      availability.reportSuccess();
      clock += 50;
    }
    assert.deepEqual(
      changes.map((change) => change.available),
      [false],
    );
    clock += SETTLE_MS;
    availability.reportSuccess();
    assert.deepEqual(
      changes.map((change) => change.available),
      [false, true],
    );
  });
});
