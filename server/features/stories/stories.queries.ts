// stories rows (API.md §2): visible, like posts, inside the viewer's network.
import type { Story } from '../../../contract';
import type { Executor } from '../../db/executor';
import { networkOf } from '../../users/network';
import { withUsers } from '../../users/users.queries';

/** Two statements whatever the number of stories: the stories, then their authors. */
export async function listNetworkStories(db: Executor, viewerId: number): Promise<Story[]> {
  const rows = await db
    .selectFrom('stories')
    .select(['id', 'text', 'user_id'])
    .where('stories.user_id', 'in', networkOf(db, viewerId))
    .orderBy('pub_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return withUsers(
    db,
    rows,
    (row) => row.user_id,
    (row, user) => ({ id: row.id, text: row.text, user }),
  );
}
