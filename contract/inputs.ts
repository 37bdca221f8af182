// The input grammar of API.md §4, defined once. Every route takes its inputs from
// these builders instead of writing Type.Integer / Type.String itself:
//
//   params:      Type.Object({ id: PathId() })                       anything else → 404
//   querystring: Type.Object({ limit: Type.Optional(QueryInteger({ min: 1, max: 50, default: 20 })) })
//   body ids:    Type.Object({ post_id: BodyId('post') })            then rowIdOf(body.post_id)
//   body text:   BoundedText({ max: LIMITS.caption, minLength: 1 })  no NUL, longer → 400
//   image URLs:  ImageUrl({ max: LIMITS.imageUrl })                  http(s) with a host, or /path
//
// How the grammar is enforced: plugins/validation.ts checks every integer of a path
// or query string against URL_INTEGER_PATTERN on the raw text *before* Ajv coerces
// it (Ajv alone would read "0x35", "5.3e1" and " 53" as 53), so a route cannot forget
// it. Bodies are never coerced; a body id may be a digit string, and rowIdOf() turns
// it into a number, or into null when it names no row (out of range → 404, never SQL).
import { Type, type TSchema } from 'typebox';
import { MAX_ID, PAGE_LIMIT } from './limits';

/** The only spelling of an integer in a URL: plain decimal digits, no sign, no leading zero. */
export const URL_INTEGER_PATTERN = '^(?:0|[1-9][0-9]*)$';
const URL_INTEGER = new RegExp(URL_INTEGER_PATTERN);

/**
 * Text that both databases store as sent: no U+0000 (PostgreSQL refuses it) and no
 * unpaired UTF-16 surrogate (both drivers would silently store U+FFFD instead).
 * Ajv compiles patterns with the `u` flag, where a lone surrogate is its own code point.
 */
export const STORABLE_TEXT_PATTERN = '^[^\\u0000\\uD800-\\uDFFF]*$';

// Control characters and Unicode whitespace, refused anywhere in an image URL.
const NOT_URL = '\\s\\u0000-\\u001f\\u007f-\\u009f';
/**
 * API.md §4 image URLs: `http(s)://host...` with a host and no whitespace or control
 * characters, or a path on this server that starts with exactly one `/` (a second
 * `/` or a `\` would make browsers load it from another host).
 */
export const IMAGE_URL_PATTERN =
  `^(?:[Hh][Tt][Tt][Pp][Ss]?://[^${NOT_URL}/?#\\\\@:][^${NOT_URL}/?#\\\\]*(?:[/?#][^${NOT_URL}]*)?` +
  `|/(?:[^${NOT_URL}/\\\\][^${NOT_URL}]*)?)$`;

/** An id in a path: 1–2147483647 in plain digits; anything else answers 404. */
export const PathId = (
  description = `The row's id, in plain digits from 1 to ${MAX_ID}; anything else is a 404.`,
) => Type.Integer({ minimum: 1, maximum: MAX_ID, description });

/** The usual `{ id }` path parameters. */
export const IdParams = Type.Object({ id: PathId() });

/** An integer in a query string: plain digits within [min, max]; anything else is a 400. */
export function QueryInteger(options: {
  min: number;
  max: number;
  default?: number;
  description?: string;
  errorMessage?: string;
}) {
  return Type.Integer({
    minimum: options.min,
    maximum: options.max,
    ...(options.default === undefined ? {} : { default: options.default }),
    ...(options.description === undefined ? {} : { description: options.description }),
    errorMessage:
      options.errorMessage ?? `must be an integer from ${options.min} to ${options.max}.`,
  });
}

/** The `limit` of a page of `what` (posts, users): PAGE_LIMIT's range and default. */
export const PageLimit = (what: string) =>
  QueryInteger({
    min: PAGE_LIMIT.min,
    max: PAGE_LIMIT.max,
    default: PAGE_LIMIT.default,
    description: `How many ${what} to return, ${PAGE_LIMIT.min}-${PAGE_LIMIT.max} (default ${PAGE_LIMIT.default}).`,
  });

/**
 * An id in a JSON body: a JSON integer or a string of plain digits ("abc", "0x35",
 * 1.5, null, true → 400). Out-of-range values pass validation on purpose: they name
 * no row, so the handler answers 404 after rowIdOf() returns null.
 */
export const BodyId = (what: string) =>
  Type.Union([Type.Integer(), Type.String({ pattern: URL_INTEGER_PATTERN })], {
    description: `Id of the ${what}: an integer, or a string of plain digits.`,
    errorMessage: 'must be a positive integer id (a number like 12 or a string like "12").',
  });

/** The row id a validated BodyId names, or null when it is outside 1–2147483647. */
export function rowIdOf(value: number | string): number | null {
  if (typeof value === 'string') {
    // Longer than MAX_ID's 10 digits cannot be in range (and would lose precision).
    if (!URL_INTEGER.test(value) || value.length > 10) return null;
    value = Number.parseInt(value, 10);
  }
  return Number.isSafeInteger(value) && value >= 1 && value <= MAX_ID ? value : null;
}

/**
 * A text field with its maximum length (counted in characters, like varchar), never
 * containing NUL. `minLength: 1` for fields that must not be empty.
 */
export function BoundedText(options: { max: number; minLength?: number; description?: string }) {
  return Type.String({
    maxLength: options.max,
    ...(options.minLength === undefined ? {} : { minLength: options.minLength }),
    pattern: STORABLE_TEXT_PATTERN,
    ...(options.description === undefined ? {} : { description: options.description }),
  });
}

/** An image address (API.md §4); an empty string is not one. */
export function ImageUrl(options: { max: number; description?: string }) {
  return Type.String({
    minLength: 1,
    maxLength: options.max,
    pattern: IMAGE_URL_PATTERN,
    // No errorMessage: the validation plugin words each rule (empty, too long, pattern).
    description:
      options.description ??
      `An http(s) URL with a host, or a path on this server such as /media/u/...; at most ${options.max} characters.`,
  });
}

const STORABLE_TEXT = new RegExp(STORABLE_TEXT_PATTERN, 'u');
/** Whether text outside a JSON schema (an HTML form field) is storable as sent. */
export const isStorableText = (text: string): boolean => STORABLE_TEXT.test(text);

/** Whether a raw path or query value is spelled as the grammar allows (plugins/validation.ts). */
export const isUrlInteger = (raw: string): boolean => URL_INTEGER.test(raw);

/** A schema's `type: 'integer'`, as the validation plugin looks for it. */
export const isIntegerSchema = (schema: TSchema | undefined): boolean =>
  (schema as { type?: unknown } | undefined)?.type === 'integer';
