// Accounts (API.md §9): the sign-up body of POST /api/users and the changes PATCH
// /api/profile accepts. The password's own rules (common passwords, not the
// username) are checked by the server after these shapes.
import { Type, type Static } from 'typebox';
import { ImageUrl } from './inputs';
import { ACCOUNT_LIMITS } from './limits';

/** New usernames start with a letter, so an all-digit path segment is always an id. */
export const USERNAME_PATTERN = `^[A-Za-z][A-Za-z0-9_.]{${ACCOUNT_LIMITS.usernameMin - 1},${ACCOUNT_LIMITS.usernameMax - 1}}$`;

const Username = Type.String({
  pattern: USERNAME_PATTERN,
  errorMessage: `must be ${ACCOUNT_LIMITS.usernameMin}-${ACCOUNT_LIMITS.usernameMax} letters, digits, _ or . and start with a letter.`,
});

/** Not blank; no control characters, NUL or lone surrogates (API.md §4: stored as sent). */
export const PERSON_NAME_PATTERN = '^(?=.*\\S)[^\\u0000-\\u001f\\u007f\\uD800-\\uDFFF]*$';

/** One @ with something on both sides, no spaces or control characters: the rest is the mail server's business. */
export const EMAIL_PATTERN =
  '^[^@\\s\\u0000-\\u001f\\u007f\\uD800-\\uDFFF]+@[^@\\s\\u0000-\\u001f\\u007f\\uD800-\\uDFFF]+$';

const PersonName = Type.String({
  minLength: 1,
  maxLength: ACCOUNT_LIMITS.name,
  pattern: PERSON_NAME_PATTERN,
  errorMessage: `must not be empty and at most ${ACCOUNT_LIMITS.name} characters long, without control characters.`,
});

const Email = Type.String({
  maxLength: ACCOUNT_LIMITS.email,
  pattern: EMAIL_PATTERN,
  errorMessage: `must be an email address (name@example.com), at most ${ACCOUNT_LIMITS.email} characters.`,
});

/** An uploaded image (/media/u/...) or an image on the web; null removes the picture. */
const AvatarUrl = Type.Union([ImageUrl({ max: ACCOUNT_LIMITS.avatarUrl }), Type.Null()], {
  errorMessage: `must be null, a path on this server (/media/...) or an http(s) URL with a host, at most ${ACCOUNT_LIMITS.avatarUrl} characters.`,
});

export const NewAccount = Type.Object(
  {
    username: Username,
    first_name: PersonName,
    last_name: PersonName,
    email: Email,
    password: Type.String({ maxLength: 1024 }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        username: 'ada.l',
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada@example.com',
        password: 'analytical engine 1843',
      },
    ],
  },
);

export const ProfileChanges = Type.Object(
  {
    first_name: Type.Optional(PersonName),
    last_name: Type.Optional(PersonName),
    email: Type.Optional(Email),
    image_url: Type.Optional(AvatarUrl),
    thumb_url: Type.Optional(AvatarUrl),
  },
  {
    additionalProperties: false,
    examples: [{ first_name: 'Ada', image_url: '/media/u/3q2-7wXcVxQ0aZ1bB9kLmA.webp' }],
  },
);

export type NewAccount = Static<typeof NewAccount>;
export type ProfileChanges = Static<typeof ProfileChanges>;
