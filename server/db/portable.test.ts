// fromDbTime reads a stored timestamp exactly as Date's own parser reads it (the
// fast path for the stored form must never disagree with it), whatever the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fromDbTime, toDbTime } from './portable';

/** What fromDbTime answered before it read the stored form itself. */
function parsedByDate(value: string): number {
  const iso = value.includes('T') ? value : value.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : iso + 'Z').getTime();
}

const sameTime = (value: string) => {
  const expected = parsedByDate(value);
  const actual = fromDbTime(value).getTime();
  assert.ok(Object.is(actual, expected), `${JSON.stringify(value)}: ${actual} vs ${expected}`);
};

describe('fromDbTime', () => {
  it('reads every stored form of any date as Date does', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0900-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(' ', 'T'),
        fc.integer({ min: 0, max: 9 }),
        fc.nat(999_999_999),
        (date, separator, fractionDigits, fraction) => {
          const base = toDbTime(date).slice(0, 19).replace(' ', separator);
          const digits = String(fraction).padStart(9, '0').slice(0, fractionDigits);
          sameTime(fractionDigits === 0 ? base : `${base}.${digits}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date on malformed and out-of-range text', () => {
    for (const value of [
      '2024-02-29 12:00:00',
      '2023-02-29 12:00:00',
      '2024-04-31 00:00:00',
      '2024-13-01 00:00:00',
      '2024-00-10 00:00:00',
      '2024-01-01 24:00:00',
      '2024-01-01 23:60:00',
      '2024-01-01 23:59:60',
      '0099-01-01 00:00:00',
      '2024-01-01 00:00:00.',
      '2024-01-01 00:00:00.5',
      '2024-01-01 00:00:00.12a',
      '2024-01-01 00:00:00Z',
      '2024-01-01T00:00:00+02:00',
      '2024-1-01 00:00:00',
      '+2024-01-01 00:00:00',
      '2024-01-01x00:00:00',
      '2024-01-01 00:00:00.1234567890',
      '',
      'not a date',
    ]) {
      sameTime(value);
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789-: T.Z+x') }), sameTime),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.date({
          noInvalidDate: true,
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
        }),
        fc.nat(28),
        fc.constantFrom('', '.', '.1', '.12', '.123', 'Z', '+01:00'),
        (date, position, suffix) => {
          // One character changed anywhere in a stored time, and suffixes.
          const text = toDbTime(date);
          const mutated = text.slice(0, position) + '9' + text.slice(position + 1);
          sameTime(mutated + suffix);
          sameTime(text.slice(0, 19) + suffix);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('passes a Date from the driver through', () => {
    const date = new Date();
    assert.equal(fromDbTime(date), date);
  });
});
