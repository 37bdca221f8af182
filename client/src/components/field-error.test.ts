import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldErrorOf } from './field-error';

const names = ['first_name', 'last_name', 'email', 'image_url'] as const;

describe('fieldErrorOf', () => {
  it('finds the field an invalid-field message names and keeps what it says of it', () => {
    assert.deepEqual(
      fieldErrorOf('Invalid field "email": must be an email address (name@example.com).', names),
      { name: 'email', text: 'Must be an email address (name@example.com).' },
    );
  });

  it('keeps the whole message when it says nothing after the name', () => {
    assert.deepEqual(fieldErrorOf('Missing field "first_name".', names), {
      name: 'first_name',
      text: 'Missing field "first_name".',
    });
  });

  it('is null for a field the form does not show, or a message naming none', () => {
    assert.equal(fieldErrorOf('Invalid field "thumb_url": too long.', names), null);
    assert.equal(fieldErrorOf('Your session has ended. Log in again.', names), null);
  });
});
