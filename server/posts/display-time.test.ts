import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayTime } from './display-time';

const now = new Date('2026-05-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('displayTime', () => {
  it('says "Just now" under an hour, and for a time in the future', () => {
    assert.equal(displayTime(ago(0), now), 'Just now');
    assert.equal(displayTime(ago(59 * MINUTE), now), 'Just now');
    assert.equal(displayTime(ago(-5 * MINUTE), now), 'Just now');
  });

  it('says "1 hour ago" from one hour and "N hours ago" up to a day', () => {
    assert.equal(displayTime(ago(HOUR), now), '1 hour ago');
    assert.equal(displayTime(ago(2 * HOUR - 1), now), '1 hour ago');
    assert.equal(displayTime(ago(2 * HOUR), now), '2 hours ago');
    assert.equal(displayTime(ago(DAY - 1), now), '23 hours ago');
  });

  it('says "1 day ago" from one day and "N days ago" after that', () => {
    assert.equal(displayTime(ago(DAY), now), '1 day ago');
    assert.equal(displayTime(ago(2 * DAY - 1), now), '1 day ago');
    assert.equal(displayTime(ago(2 * DAY), now), '2 days ago');
    assert.equal(displayTime(ago(400 * DAY), now), '400 days ago');
  });
});
