// The Bookmark switch under a post, on the feed and on the bookmarks page. The caller
// owns the mutation, so one pending change can hold back the others it shows.
import { Bookmark } from 'lucide-react';
import type { Post } from '../../../contract';
import { describePost } from '../lib/format';
import { PENDING_ID, type useBookmark } from '../lib/post-mutations';
import { SwitchButton } from './switch-button';

interface BookmarkSwitchProps {
  post: Pick<Post, 'id' | 'current_user_bookmark_id' | 'user' | 'caption'>;
  bookmark: ReturnType<typeof useBookmark>;
  className: string;
  iconSize: 'size-5' | 'size-6';
}

export function BookmarkSwitch({ post, bookmark, className, iconSize }: BookmarkSwitchProps) {
  const bookmarked = post.current_user_bookmark_id !== undefined;
  return (
    <SwitchButton
      checked={bookmarked}
      label={`Bookmark ${describePost(post)}`}
      onToggle={() => {
        // A bookmark still on its way has no row id to delete yet.
        if (!bookmark.isPending && post.current_user_bookmark_id !== PENDING_ID)
          bookmark.mutate({ post });
      }}
      className={className}
    >
      <Bookmark
        aria-hidden="true"
        className={`${iconSize} ${bookmarked ? 'fill-neutral-900 text-neutral-900' : 'text-neutral-800'}`}
      />
    </SwitchButton>
  );
}
