import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDevice, formatWhen } from './describe-device';

describe('describeDevice', () => {
  it('names the browser and the system', () => {
    assert.equal(
      describeDevice(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
      ),
      'Firefox on Windows',
    );
    assert.equal(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
      'Safari on iPhone',
    );
  });

  it('falls back to the program name, or says it does not know', () => {
    assert.equal(describeDevice('curl/8.5.0'), 'curl');
    assert.equal(describeDevice(null), 'Unknown device');
    assert.equal(describeDevice(''), 'Unknown device');
  });
});

describe('formatWhen', () => {
  it('reads database timestamps as UTC and leaves unreadable text as it is', () => {
    assert.equal(formatWhen('2026-11-26 01:15:00'), formatWhen('2026-11-26T01:15:00Z'));
    assert.equal(formatWhen('not a date'), 'not a date');
  });
});
