// Sessions (API.md §5, §9): what a refresh answers, the session list, and the
// password change.
import { Type, type Static } from 'typebox';
import { BoundedText } from './inputs';
import { LIMITS } from './limits';

/**
 * POST /api/token/refresh: with a body, the refresh token sent comes back too (for
 * clients that store whatever refresh_token they get); refreshed by cookie, only the
 * access token (the refresh token never reaches a body page scripts can read).
 */
export const RefreshedTokens = Type.Object(
  { access_token: Type.String(), refresh_token: Type.Optional(Type.String()) },
  { title: 'RefreshedTokens' },
);

/** One login of the current user (GET /api/sessions). */
export const SessionInfo = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    created: Type.String({ format: 'date-time' }),
    last_used: Type.String({ format: 'date-time' }),
    user_agent: Type.Union([Type.String(), Type.Null()]),
    current: Type.Boolean({ description: 'True for the session this request belongs to.' }),
  },
  { title: 'Session' },
);

export const SessionParams = Type.Object({
  id: Type.String({
    pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    description: 'The id of one of your sessions, from GET /api/sessions.',
    errorMessage: 'must be a session id from GET /api/sessions.',
  }),
});

/** POST /api/profile/password. The new password's rules are checked by the server. */
export const PasswordChange = Type.Object(
  {
    current_password: BoundedText({
      max: LIMITS.password,
      minLength: 1,
      description: 'Your password now; a wrong one is a 400 and counts as a failed login.',
    }),
    new_password: BoundedText({
      max: LIMITS.password,
      description: 'The new password, under the sign-up rules; every other session of yours ends.',
    }),
  },
  { additionalProperties: false },
);

export type RefreshedTokens = Static<typeof RefreshedTokens>;
export type SessionInfo = Static<typeof SessionInfo>;
export type PasswordChange = Static<typeof PasswordChange>;
