import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describePost,
  displayName,
  formatCount,
  initials,
  likesLabel,
  truncate,
  viewAllCommentsLabel,
} from './format';

const user = { first_name: 'Anna', last_name: 'Kim', username: 'anna_k' };

describe('formatCount', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    assert.equal(formatCount(1, 'like'), '1 like');
    assert.equal(formatCount(0, 'like'), '0 likes');
    assert.equal(formatCount(12, 'like'), '12 likes');
    assert.equal(formatCount(1200, 'like'), '1,200 likes');
  });
});

describe('viewAllCommentsLabel', () => {
  it('offers the button only when there is more than one comment', () => {
    assert.equal(viewAllCommentsLabel(0), null);
    assert.equal(viewAllCommentsLabel(1), null);
    assert.equal(viewAllCommentsLabel(2), 'View all 2 comments');
  });
});

describe('displayName and initials', () => {
  it('joins first and last name, falling back to the username', () => {
    assert.equal(displayName(user), 'Anna Kim');
    assert.equal(displayName({ first_name: ' ', last_name: '', username: 'x1' }), 'x1');
    assert.equal(initials(user), 'AK');
    assert.equal(initials({ first_name: '', last_name: '', username: 'zed' }), 'Z');
  });
});

describe('describePost', () => {
  it('names the author and the caption, shortened', () => {
    assert.equal(
      describePost({ id: 4, user, caption: 'Sunset over the sea' }),
      'post by anna_k: Sunset over the sea',
    );
    assert.equal(describePost({ id: 4, user, caption: null }), 'post 4 by anna_k');
    assert.equal(describePost({ id: 4, user, caption: '   ' }), 'post 4 by anna_k');
    assert.equal(truncate('a'.repeat(70), 10), `${'a'.repeat(9)}…`);
  });

  it('drops the closing punctuation, so sentences around it never end in ".."', () => {
    assert.equal(
      describePost({ id: 4, user, caption: 'What a day!!' }),
      'post by anna_k: What a day',
    );
    assert.equal(describePost({ id: 4, user, caption: 'Done. ' }), 'post by anna_k: Done');
    assert.equal(describePost({ id: 4, user, caption: '...' }), 'post 4 by anna_k');
  });
});

describe('likesLabel', () => {
  it('invites the first like instead of saying "0 likes"', () => {
    assert.equal(likesLabel(0), 'Be the first to like this');
    assert.equal(likesLabel(1), '1 like');
    assert.equal(likesLabel(1200), '1,200 likes');
  });
});
