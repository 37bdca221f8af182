// The four cookies of API.md §5, as the Flask app (flask-jwt-extended) names them:
// the two tokens (HttpOnly) and their CSRF values (readable by same-origin scripts).
export const ACCESS_COOKIE = 'access_token_cookie';
export const REFRESH_COOKIE = 'refresh_token_cookie';
export const CSRF_ACCESS_COOKIE = 'csrf_access_token';
export const CSRF_REFRESH_COOKIE = 'csrf_refresh_token';

export const SESSION_COOKIES = [
  ACCESS_COOKIE,
  REFRESH_COOKIE,
  CSRF_ACCESS_COOKIE,
  CSRF_REFRESH_COOKIE,
] as const;
