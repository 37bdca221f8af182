// New post and Edit post: a photo from the device (new posts) or an image URL, caption
// and alt text (asked for and explained, because the course demo drops it).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAnnounce } from '../../components/announcer';
import { NotFound, pathId } from '../../components/not-found';
import { ErrorState, Skeleton } from '../../components/states';
import { ImagePicker } from '../../components/image-picker';
import { profileQuery } from '../../lib/current-user';
import { api, ApiError } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import type { NewPost, Post } from '../../../../contract';
import { LIMITS } from '../../../../contract/limits';
import { isTooLong, LengthHint, textLength } from '../../components/length-hint';
import { postQuery } from './posts.queries';

interface Fields {
  image_url: string;
  caption: string;
  alt_text: string;
}

const emptyFields: Fields = { image_url: '', caption: '', alt_text: '' };

export function PostFormPage() {
  const params = useParams();
  const editing = params.id !== undefined;
  const editId = pathId(params.id);
  const existing = useQuery({ ...postQuery(editId ?? 0), enabled: editId !== null });
  const me = useQuery(profileQuery()).data;

  // Only the owner may edit: anyone else's post (or a post that is not there) is not found.
  if (editing && editId === null) return <NotFound what="post" />;

  if (editId !== null && (existing.isPending || (existing.isSuccess && me === undefined))) {
    return (
      <div className="card space-y-4 p-6" aria-busy="true" aria-label="Loading the post">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  if (editId !== null && existing.isError) {
    if (existing.error instanceof ApiError && existing.error.status === 404)
      return <NotFound what="post" />;
    return (
      <ErrorState
        message="This post could not be loaded."
        onRetry={() => void existing.refetch()}
      />
    );
  }
  if (editId !== null && me && existing.data && existing.data.user.id !== me.id) {
    return <NotFound what="post" />;
  }
  return <PostForm post={editId !== null ? existing.data : undefined} />;
}

function PostForm({ post }: { post: Post | undefined }) {
  const [fields, setFields] = useState<Fields>(
    post
      ? { image_url: post.image_url, caption: post.caption ?? '', alt_text: post.alt_text ?? '' }
      : emptyFields,
  );
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  // The preview image that failed to load; a new URL gets a new try.
  const [failedPreviewUrl, setFailedPreviewUrl] = useState<string | null>(null);
  const previewFailed = failedPreviewUrl === fields.image_url;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const ids = {
    image: useId(),
    imageLimit: useId(),
    caption: useId(),
    captionLimit: useId(),
    alt: useId(),
    altHelp: useId(),
    altLimit: useId(),
    error: useId(),
  };
  const heading = post ? 'Edit post' : 'New post';

  const save = useMutation({
    mutationFn: (body: NewPost) =>
      post ? api.patch<Post>(`/api/posts/${post.id}`, body) : api.post<Post>('/api/posts', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.bookmarks() });
      announce(post ? 'Post updated' : 'Post shared');
      void navigate('/');
    },
    onError: (failure) =>
      setError(
        failure instanceof ApiError
          ? failure.message
          : 'The post could not be saved. Please try again.',
      ),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const imageUrl = fields.image_url.trim();
    if (imageUrl === '') {
      setError(
        post
          ? 'Add the address of an image, e.g. https://example.com/photo.jpg.'
          : 'Choose a photo, or add the address of an image, e.g. https://example.com/photo.jpg.',
      );
      document.getElementById(ids.image)?.focus();
      return;
    }
    // API.md §4: too long is refused, never cut; the field's own hint says by how much.
    const tooLong = (
      [
        [imageUrl, LIMITS.imageUrl, ids.image, 'The image address'],
        [fields.caption.trim(), LIMITS.caption, ids.caption, 'The caption'],
        [fields.alt_text.trim(), LIMITS.altText, ids.alt, 'The alt text'],
      ] as const
    ).find(([text, max]) => isTooLong(text, max));
    if (tooLong) {
      const [text, max, id, name] = tooLong;
      setError(`${name} is ${textLength(text)} characters long; at most ${max} fit.`);
      document.getElementById(id)?.focus();
      return;
    }
    setError(null);
    save.mutate({
      image_url: imageUrl,
      caption: fields.caption.trim() || null,
      alt_text: fields.alt_text.trim() || null,
    });
  };

  const update = (name: keyof Fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  return (
    <form
      onSubmit={submit}
      noValidate
      className="card space-y-5 p-6"
      aria-describedby={error ? ids.error : undefined}
    >
      <h1 className="text-xl font-bold tracking-tight">{heading}</h1>
      {error ? (
        <p
          id={ids.error}
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
        </p>
      ) : null}
      {post ? null : (
        <ImagePicker
          label="Photo"
          onBusyChange={setUploading}
          onUploaded={(media) => {
            setError(null);
            setFields((current) => ({ ...current, image_url: media.image_url }));
          }}
        />
      )}
      <div className="space-y-1.5">
        <label htmlFor={ids.image} className="block text-sm font-semibold">
          {post ? 'Image URL' : 'Or the address of an image'}
        </label>
        <input
          id={ids.image}
          type="url"
          inputMode="url"
          required
          value={fields.image_url}
          onChange={update('image_url')}
          aria-describedby={ids.imageLimit}
          aria-invalid={isTooLong(fields.image_url.trim(), LIMITS.imageUrl) || undefined}
          placeholder="https://example.com/photo.jpg"
          className="field"
        />
        <LengthHint id={ids.imageLimit} text={fields.image_url.trim()} max={LIMITS.imageUrl} />
      </div>
      {fields.image_url.trim() !== '' && !previewFailed ? (
        <img
          src={fields.image_url.trim()}
          alt={fields.alt_text.trim() || 'Preview of the image'}
          onError={() => setFailedPreviewUrl(fields.image_url)}
          className="mx-auto max-h-72 rounded-lg border border-neutral-200 object-contain"
        />
      ) : null}
      {previewFailed ? (
        <p className="text-sm text-neutral-600">
          The image could not be previewed. Check the address.
        </p>
      ) : null}
      <div className="space-y-1.5">
        <label htmlFor={ids.caption} className="block text-sm font-semibold">
          Caption
        </label>
        <textarea
          id={ids.caption}
          rows={3}
          value={fields.caption}
          onChange={update('caption')}
          aria-describedby={ids.captionLimit}
          aria-invalid={isTooLong(fields.caption.trim(), LIMITS.caption) || undefined}
          placeholder="Say something about this photo"
          className="field"
        />
        <LengthHint id={ids.captionLimit} text={fields.caption.trim()} max={LIMITS.caption} />
      </div>
      <div className="space-y-1.5">
        <label htmlFor={ids.alt} className="block text-sm font-semibold">
          Alt text
        </label>
        <p id={ids.altHelp} className="text-sm text-neutral-600">
          Describe the image for people who cannot see it; screen readers read this aloud. Say what
          matters, e.g. “A red canoe on a calm lake at sunrise”.
        </p>
        <textarea
          id={ids.alt}
          rows={2}
          value={fields.alt_text}
          onChange={update('alt_text')}
          aria-describedby={`${ids.altHelp} ${ids.altLimit}`}
          aria-invalid={isTooLong(fields.alt_text.trim(), LIMITS.altText) || undefined}
          className="field"
        />
        <LengthHint id={ids.altLimit} text={fields.alt_text.trim()} max={LIMITS.altText} />
      </div>
      <div className="flex justify-end gap-2">
        <Link to="/" className="btn-secondary">
          Cancel
        </Link>
        <button type="submit" disabled={save.isPending || uploading} className="btn-primary">
          {save.isPending
            ? 'Saving…'
            : uploading
              ? 'Waiting for the upload…'
              : post
                ? 'Save changes'
                : 'Share'}
        </button>
      </div>
    </form>
  );
}
