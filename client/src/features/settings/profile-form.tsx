// Your profile: names, email and picture (uploaded from the device, or an address on
// the web). PATCH /api/profile; the username never changes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useAnnounce } from '../../components/announcer';
import { Avatar } from '../../components/avatar';
import { fieldErrorOf, type FieldError } from '../../components/field-error';
import { CheckedForm, FormField, FormNotice, refuseTooLong } from '../../components/form-field';
import { ImagePicker } from '../../components/image-picker';
import { api, ApiError } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import type { ProfileChanges, User } from '../../../../contract';
import { ACCOUNT_LIMITS } from '../../../../contract/limits';

type Fields = Pick<User, 'first_name' | 'last_name' | 'email'> & { image_url: string };

/** Each field's limit (contract/limits.ts) and how messages name it. */
const LIMITED: Record<keyof Fields, { max: number; name: string }> = {
  image_url: { max: ACCOUNT_LIMITS.avatarUrl, name: 'The address of the picture' },
  first_name: { max: ACCOUNT_LIMITS.name, name: 'The first name' },
  last_name: { max: ACCOUNT_LIMITS.name, name: 'The last name' },
  email: { max: ACCOUNT_LIMITS.email, name: 'The email' },
};

export function ProfileForm({ user }: { user: User }) {
  const formId = useId();
  const errorId = `${formId}-error`;
  const fieldId = (name: keyof Fields) => `${formId}-${name}`;
  const [fields, setFields] = useState<Fields>({
    first_name: user.first_name,
    last_name: user.last_name,
    email: user.email,
    image_url: user.image_url ?? '',
  });
  const [thumbUrl, setThumbUrl] = useState(user.thumb_url);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A 400 that names a field is shown at that field too, and the focus goes there.
  const [fieldError, setFieldError] = useState<FieldError<keyof Fields> | null>(null);
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
      setFieldError(null);
      setSaved(true);
      announce('Profile saved');
    },
    onError: (failure) => {
      const message =
        failure instanceof ApiError
          ? failure.message
          : 'Your profile could not be saved. Try again.';
      const named = fieldErrorOf(message, Object.keys(LIMITED) as (keyof Fields)[]);
      setError(message);
      setFieldError(named);
      if (named) document.getElementById(fieldId(named.name))?.focus();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    // API.md §4: too long is refused, never cut; the field itself says by how much.
    const limited = (Object.keys(LIMITED) as (keyof Fields)[]).map((key) => ({
      ...LIMITED[key],
      text: fields[key],
    }));
    setFieldError(null);
    if (refuseTooLong(event.currentTarget, limited, setError)) return;
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

  /** A field's value, change handler and limit, for FormField. */
  const bind = (name: keyof Fields) => ({
    id: fieldId(name),
    error: fieldError?.name === name ? fieldError.text : null,
    value: fields[name],
    onChange: (value: string) => {
      setSaved(false);
      if (fieldError?.name === name) setFieldError(null);
      if (name === 'image_url') setThumbUrl(null);
      setFields((current) => ({ ...current, [name]: value }));
    },
    max: LIMITED[name].max,
    counter: 'over' as const,
  });
  const preview = {
    ...user,
    ...fields,
    image_url: fields.image_url.trim() || null,
    thumb_url: thumbUrl,
  };

  return (
    <CheckedForm onSubmit={submit} errorId={errorId} error={error} className="space-y-4">
      <FormNotice id={errorId} error={error} success={saved ? 'Your profile is saved.' : null} />
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
      <FormField
        label="Or the address of a picture"
        type="url"
        inputMode="url"
        {...bind('image_url')}
        placeholder="https://example.com/me.jpg"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="First name" autoComplete="given-name" {...bind('first_name')} />
        <FormField label="Last name" autoComplete="family-name" {...bind('last_name')} />
      </div>
      <FormField label="Email" type="email" autoComplete="email" {...bind('email')} />
      <button type="submit" className="btn-primary" disabled={save.isPending || uploading}>
        {save.isPending ? 'Saving…' : uploading ? 'Waiting for the upload…' : 'Save profile'}
      </button>
    </CheckedForm>
  );
}
