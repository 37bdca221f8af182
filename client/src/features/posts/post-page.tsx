// /posts/<id>: one post with every comment: the address to share, opened from the
// feed's timestamp, the bookmarks and the profile grids.
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { LoadFailure, NotFound, pathId } from '../../components/not-found';
import { PostSkeleton } from './feed';
import { PostCard } from './post-card';
import { postQuery } from './posts.queries';

export function PostPage() {
  const id = pathId(useParams().id);
  const post = useQuery({ ...postQuery(id ?? 0), enabled: id !== null });
  const navigate = useNavigate();

  if (id === null) return <NotFound what="post" />;
  if (post.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading the post">
        <PostSkeleton />
      </div>
    );
  }
  if (post.isError)
    return <LoadFailure query={post} what="post" message="This post could not be loaded." />;
  return (
    <>
      <h1 className="sr-only">Post by {post.data.user.username}</h1>
      <PostCard post={post.data} full onDeleted={() => void navigate('/', { replace: true })} />
    </>
  );
}
