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
  description: `${ACCOUNT_LIMITS.usernameMin}-${ACCOUNT_LIMITS.usernameMax} letters, digits, _ or ., starting with a letter; unique ignoring case, and it never changes.`,
  errorMessage: `must be ${ACCOUNT_LIMITS.usernameMin}-${ACCOUNT_LIMITS.usernameMax} letters, digits, _ or . and start with a letter.`,
});

/** Not blank; no control characters, NUL or lone surrogates (API.md §4: stored as sent). */
export const PERSON_NAME_PATTERN = '^(?=.*\\S)[^\\u0000-\\u001f\\u007f\\uD800-\\uDFFF]*$';

/** One @ with something on both sides, no spaces or control characters: the rest is the mail server's business. */
export const EMAIL_PATTERN =
  '^[^@\\s\\u0000-\\u001f\\u007f\\uD800-\\uDFFF]+@[^@\\s\\u0000-\\u001f\\u007f\\uD800-\\uDFFF]+$';

const personName = (description: string) =>
  Type.String({
    description,
    minLength: 1,
    maxLength: ACCOUNT_LIMITS.name,
    pattern: PERSON_NAME_PATTERN,
    errorMessage: `must not be empty and at most ${ACCOUNT_LIMITS.name} characters long, without control characters.`,
  });

const email = (description: string) =>
  Type.String({
    description,
    maxLength: ACCOUNT_LIMITS.email,
    pattern: EMAIL_PATTERN,
    errorMessage: `must be an email address (name@example.com), at most ${ACCOUNT_LIMITS.email} characters.`,
  });

/** An uploaded image (/media/u/...) or an image on the web; null removes the picture. */
const avatarUrl = (description: string) =>
  Type.Union([ImageUrl({ max: ACCOUNT_LIMITS.avatarUrl }), Type.Null()], {
    description,
    errorMessage: `must be null, a path on this server (/media/...) or an http(s) URL with a host, at most ${ACCOUNT_LIMITS.avatarUrl} characters.`,
  });

export const NewAccount = Type.Object(
  {
    username: Username,
    first_name: personName('Your first name.'),
    last_name: personName('Your last name.'),
    email: email('Your email address; unique ignoring case.'),
    password: Type.String({
      maxLength: 1024,
      description: `${ACCOUNT_LIMITS.passwordMin}-${ACCOUNT_LIMITS.passwordMax} characters, not among the 10,000 most common passwords, and not the username or email.`,
    }),
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
    first_name: Type.Optional(personName('A new first name.')),
    last_name: Type.Optional(personName('A new last name.')),
    email: Type.Optional(email('A new email address; one another user has is a 400.')),
    image_url: Type.Optional(
      avatarUrl('The picture: image_url from POST /api/media, or an http(s) URL; null removes it.'),
    ),
    thumb_url: Type.Optional(
      avatarUrl('Its small version: thumb_url from POST /api/media; null removes it.'),
    ),
  },
  {
    additionalProperties: false,
    examples: [{ first_name: 'Ada', image_url: '/media/u/3q2-7wXcVxQ0aZ1bB9kLmA.webp' }],
  },
);

export type NewAccount = Static<typeof NewAccount>;
export type ProfileChanges = Static<typeof ProfileChanges>;
