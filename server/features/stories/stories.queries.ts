// stories rows (API.md §2): visible, like posts, inside the viewer's network.
import type { Story } from '../../../contract';
import { compiledQuery } from '../../db/compiled-query';
import type { Executor } from '../../db/executor';
import { networkOf } from '../../users/network';
import { withUsers } from '../../users/users.queries';

const storiesQuery = compiledQuery((db, values: { viewerId: number }) =>
  db
    .selectFrom('stories')
    .select(['id', 'text', 'user_id'])
    .where('stories.user_id', 'in', networkOf(db, values.viewerId))
    .orderBy('pub_date', 'desc')
    .orderBy('id', 'desc'),
);

/** Two statements whatever the number of stories: the stories, then their authors. */
export async function listNetworkStories(db: Executor, viewerId: number): Promise<Story[]> {
  const rows = await storiesQuery.execute(db, { viewerId });
  return withUsers(
    db,
    rows,
    (row) => row.user_id,
    (row, user) => ({ id: row.id, text: row.text, user }),
  );
}
