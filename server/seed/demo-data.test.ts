import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDemoData, type DemoRows } from './demo-data';

const TIME_COLUMNS = new Set(['date_created', 'pub_date', 'timestamp']);

function withoutTimes(rows: DemoRows): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(rows).map(([table, list]) => [
      table,
      (list as Array<Record<string, unknown>>).map((row) =>
        Object.fromEntries(Object.entries(row).filter(([column]) => !TIME_COLUMNS.has(column))),
      ),
    ]),
  );
}

describe('generateDemoData', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');

  it('gives identical rows for the same now', () => {
    const first = generateDemoData({ now, passwordHash: 'h' });
    const second = generateDemoData({ now: new Date(now), passwordHash: 'h' });
    assert.deepEqual(second, first);
  });

  it('changes only the timestamps when now changes, and shifts them all by the same amount', () => {
    const later = new Date(now.getTime() + 3_600_000);
    const first = generateDemoData({ now, passwordHash: 'h' });
    const second = generateDemoData({ now: later, passwordHash: 'h' });
    assert.deepEqual(withoutTimes(second), withoutTimes(first));
    assert.notDeepEqual(
      second.posts.map((p) => p.pub_date),
      first.posts.map((p) => p.pub_date),
    );
    const shift = (a: string, b: string) =>
      Date.parse(b.replace(' ', 'T') + 'Z') - Date.parse(a.replace(' ', 'T') + 'Z');
    for (const [index, post] of first.posts.entries()) {
      assert.equal(shift(post.pub_date, second.posts[index]?.pub_date ?? ''), 3_600_000);
    }
  });

  it('numbers posts, comments and stories oldest first', () => {
    const rows = generateDemoData({ now, passwordHash: 'h' });
    for (const list of [rows.posts, rows.comments, rows.stories]) {
      const times = list.map((row) => row.pub_date);
      assert.deepEqual(times, [...times].sort());
      assert.deepEqual(
        list.map((row) => row.id),
        list.map((_, index) => index + 1),
      );
    }
  });
});
