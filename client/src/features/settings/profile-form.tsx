// Your profile: names, email and picture (uploaded from the device, or an address on
// the web). PATCH /api/profile; the username never changes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useAnnounce } from '../../components/announcer';
import { Avatar } from '../../components/avatar';
import { ImagePicker } from '../../components/image-picker';
import { api, ApiError } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import type { ProfileChanges, User } from '../../../../contract';
import { ACCOUNT_LIMITS } from '../../../../contract/limits';

export function ProfileForm({ user }: { user: User }) {
  const ids = {
    first: useId(),
    last: useId(),
    email: useId(),
    url: useId(),
    urlHint: useId(),
    error: useId(),
  };
  const [fields, setFields] = useState({
    first_name: user.first_name,
    last_name: user.last_name,
    email: user.email,
    image_url: user.image_url ?? '',
  });
  const [thumbUrl, setThumbUrl] = useState(user.thumb_url);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const queryClient = useQueryClient();
  const announce = useAnnounce();

  const save = useMutation({
    mutationFn: (changes: ProfileChanges) => api.patch<User>('/api/profile', changes),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.profile(), updated);
      // Names and pictures show on posts, comments and suggestions too.
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts.all });
      setError(null);
      setSaved(true);
      announce('Profile saved');
    },
    onError: (failure) =>
      setError(
        failure instanceof ApiError
          ? failure.message
          : 'Your profile could not be saved. Try again.',
      ),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const imageUrl = fields.image_url.trim();
    save.mutate({
      first_name: fields.first_name,
      last_name: fields.last_name,
      email: fields.email.trim(),
      image_url: imageUrl === '' ? null : imageUrl,
      // A typed address has no separate thumbnail: the picture serves as its own.
      thumb_url: imageUrl === '' ? null : (thumbUrl ?? imageUrl),
    });
  };

  const update = (name: keyof typeof fields) => (event: { target: { value: string } }) => {
    setSaved(false);
    if (name === 'image_url') setThumbUrl(null);
    setFields((current) => ({ ...current, [name]: event.target.value }));
  };
  const preview = {
    ...user,
    ...fields,
    image_url: fields.image_url.trim() || null,
    thumb_url: thumbUrl,
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4"
      aria-describedby={error ? ids.error : undefined}
    >
      {error ? (
        <p
          id={ids.error}
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
        </p>
      ) : null}
      {saved ? (
        <p
          role="status"
          className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          Your profile is saved.
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Avatar user={preview} size="lg" />
        <p className="text-sm text-neutral-600">
          Username <strong className="text-neutral-900">{user.username}</strong> (it cannot be
          changed)
        </p>
      </div>
      <ImagePicker
        label="Profile picture"
        round
        onBusyChange={setUploading}
        onUploaded={(media) => {
          setFields((current) => ({ ...current, image_url: media.image_url }));
          setThumbUrl(media.thumb_url);
          setSaved(false);
        }}
      />
      <div className="space-y-1.5">
        <label htmlFor={ids.url} className="block text-sm font-semibold">
          Or the address of a picture
        </label>
        <input
          id={ids.url}
          type="url"
          inputMode="url"
          maxLength={ACCOUNT_LIMITS.avatarUrl}
          value={fields.image_url}
          onChange={update('image_url')}
          placeholder="https://example.com/me.jpg"
          className="field"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={ids.first} className="block text-sm font-semibold">
            First name
          </label>
          <input
            id={ids.first}
            autoComplete="given-name"
            maxLength={ACCOUNT_LIMITS.name}
            value={fields.first_name}
            onChange={update('first_name')}
            className="field"
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor={ids.last} className="block text-sm font-semibold">
            Last name
          </label>
          <input
            id={ids.last}
            autoComplete="family-name"
            maxLength={ACCOUNT_LIMITS.name}
            value={fields.last_name}
            onChange={update('last_name')}
            className="field"
          />
        </div>
      </div>
      <div className="space-y-1.5">
        <label htmlFor={ids.email} className="block text-sm font-semibold">
          Email
        </label>
        <input
          id={ids.email}
          type="email"
          autoComplete="email"
          maxLength={ACCOUNT_LIMITS.email}
          value={fields.email}
          onChange={update('email')}
          className="field"
        />
      </div>
      <button type="submit" className="btn-primary" disabled={save.isPending || uploading}>
        {save.isPending ? 'Saving…' : uploading ? 'Waiting for the upload…' : 'Save profile'}
      </button>
    </form>
  );
}
