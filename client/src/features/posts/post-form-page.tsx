// New post and Edit post: a photo from the device (new posts) or an image URL, caption
// and alt text (asked for and explained, because the course demo drops it).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAnnounce } from '../../components/announcer';
import { LoadFailure, NotFound, pathId } from '../../components/not-found';
import { Skeleton } from '../../components/states';
import { ImagePicker } from '../../components/image-picker';
import { profileQuery } from '../../lib/current-user';
import { api, ApiError } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import type { NewPost, Post } from '../../../../contract';
import { LIMITS } from '../../../../contract/limits';
import { CheckedForm, FormField, FormNotice, refuseTooLong } from '../../components/form-field';
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
  if (editId !== null && existing.isError)
    return <LoadFailure query={existing} what="post" message="This post could not be loaded." />;
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
  const ids = { image: useId(), error: useId() };
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

  const submit = (event: FormEvent<HTMLFormElement>) => {
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
    // API.md §4: too long is refused, never cut; the field itself says by how much.
    const tooLong = refuseTooLong(
      event.currentTarget,
      [
        { name: 'The image address', text: fields.image_url, max: LIMITS.imageUrl },
        { name: 'The caption', text: fields.caption, max: LIMITS.caption },
        { name: 'The alt text', text: fields.alt_text, max: LIMITS.altText },
      ],
      setError,
    );
    if (tooLong) return;
    setError(null);
    save.mutate({
      image_url: imageUrl,
      caption: fields.caption.trim() || null,
      alt_text: fields.alt_text.trim() || null,
    });
  };

  const update = (name: keyof Fields) => (value: string) =>
    setFields((current) => ({ ...current, [name]: value }));

  return (
    <CheckedForm onSubmit={submit} errorId={ids.error} error={error} className="card space-y-5 p-6">
      <h1 className="text-xl font-bold tracking-tight">{heading}</h1>
      <FormNotice id={ids.error} error={error} />
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
      <FormField
        id={ids.image}
        label={post ? 'Image URL' : 'Or the address of an image'}
        type="url"
        inputMode="url"
        required
        value={fields.image_url}
        onChange={update('image_url')}
        max={LIMITS.imageUrl}
        placeholder="https://example.com/photo.jpg"
      />
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
      <FormField
        label="Caption"
        rows={3}
        value={fields.caption}
        onChange={update('caption')}
        max={LIMITS.caption}
        placeholder="Say something about this photo"
      />
      <FormField
        label="Alt text"
        hint="Describe the image for people who cannot see it; screen readers read this aloud. Say what matters, e.g. “A red canoe on a calm lake at sunrise”."
        rows={2}
        value={fields.alt_text}
        onChange={update('alt_text')}
        max={LIMITS.altText}
      />
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
    </CheckedForm>
  );
}
