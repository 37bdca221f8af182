// stories rows (API.md §2): visible, like posts, inside the viewer's network.
import type { Story } from '../../../contract';
import { compiledQuery } from '../../db/compiled-query';
import type { Executor } from '../../db/executor';
import { networkOf } from '../../users/network';
import { AUTHOR_COLUMNS, toAuthor } from '../../users/users.mapper';

const storiesQuery = compiledQuery((db, values: { viewerId: number }) =>
  db
    .selectFrom('stories')
    .leftJoin('users as author', 'author.id', 'stories.user_id')
    .select(['stories.id', 'stories.text'])
    .select(AUTHOR_COLUMNS)
    .where('stories.user_id', 'in', networkOf(db, values.viewerId))
    .orderBy('stories.pub_date', 'desc')
    .orderBy('stories.id', 'desc'),
);

/** One statement whatever the number of stories: the stories with their authors joined in. */
export async function listNetworkStories(db: Executor, viewerId: number): Promise<Story[]> {
  const rows = await storiesQuery.execute(db, { viewerId });
  return rows.flatMap((row) => {
    const user = toAuthor(row);
    // An author deleted by another program without its stories: the story is left out.
    return user ? [{ id: row.id, text: row.text, user }] : [];
  });
}
