// fast-check arbitraries for the values API.md §4 says must be refused cleanly:
// numbers in every notation, huge and fractional numbers, NUL and other control
// characters, lone surrogates, very long strings, deep nesting, __proto__ keys.
import fc from 'fast-check';

/** JSON text inserted as is: numbers JSON.stringify cannot write, nesting it would overflow on. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold RawJson and own `__proto__` keys, with any key order. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Ids that name seeded rows (the demo seed has a few hundred of most things). */
export const smallId = fc.integer({ min: 1, max: 60 });

/** The same number spelled in ways only plain digits may be (API.md §4). */
export const integerSpellings = fc.oneof(
  fc.constantFrom(
    '0x35',
    '5.3e1',
    '0b110101',
    '0o65',
    '+53',
    ' 53',
    '53 ',
    '053',
    '53.0',
    '-1',
    '-0',
    '1e3',
    '0',
    '00',
    'Infinity',
    'NaN',
    '٥٣',
    '５３',
    '5_3',
    '53n',
    '',
    ' ',
    '\t1',
    '1\n',
  ),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double({ noNaN: false }).map(String),
);

/** Boundary integers around the 32-bit id range and beyond what a double holds. */
export const boundaryNumbers = fc.constantFrom<number | RawJson>(
  0,
  -1,
  1,
  2147483647,
  2147483648,
  -2147483648,
  4294967296,
  1e20,
  -0,
  1.5,
  0.1,
  1e308,
  new RawJson('9007199254740993'),
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('1.0'),
  new RawJson('53.0000000000000001'),
  new RawJson('1E2'),
);

/** Strings that the text rules must refuse or store unchanged, never a 500. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom(
    '\u0000',
    'a\u0000',
    '\ud800',
    'x\udc00y',
    '\udfff\ud800',
    '\u0001\u001f\u007f\u0085',
    '\u2028\u2029',
    '\ufeff',
    '😀',
    "'; drop table users; --",
    '%00',
    '\\u0000',
    '<script>',
    '../../etc/passwd',
    'null',
    'true',
    '{}',
    '  ',
    '\r\n',
  ),
  fc.integer({ min: 1, max: 6 }).map((k) => 'x'.repeat(10 ** k)),
  fc.integer({ min: 1, max: 5000 }).map((n) => '😀'.repeat(n)),
);

/** Image addresses, good and bad (API.md §4 image_url). */
export const imageUrls = fc.oneof(
  fc.constantFrom(
    'https://picsum.photos/600/430?id=42',
    'http://localhost/x.jpg',
    '/media/u/a.webp',
    '/',
    'not a url',
    'javascript:alert(1)',
    '//host/x',
    '/\\host',
    'http://',
    'https:// x',
    'data:image/png;base64,AAAA',
    'HTTPS://EXAMPLE.COM/A',
    'https://h/\u0000',
    'ftp://h/x',
  ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.integer({ min: 150, max: 600 }).map((n) => `https://example.com/${'a'.repeat(n)}`),
);

/** Deeply nested arrays and objects, as JSON text. */
export const deepNesting = fc
  .tuple(fc.constantFrom(10, 100, 1000, 10_000, 100_000), fc.boolean())
  .map(([depth, asArray]) =>
    asArray
      ? new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)
      : new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );

/** Any JSON value at all, including the shapes above. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}),
  boundaryNumbers,
  integerSpellings,
  hostileText,
  deepNesting,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(Object.fromEntries([['__proto__', { admin: true }]])),
);

/** Keys an attacker adds to a body object. */
export const hostileKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'id',
  'user_id',
  'username',
  'password_hash',
  'is_disabled',
  '',
  '\u0000',
);
