// Reading the page's #fragment safely: a hand-typed or cut-off address (/api#%,
// /api#%E0%A4) must not throw from decodeURIComponent and blank the explorer.

/** `text` percent-decoded, or unchanged when its escapes are malformed. */
export function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The element id a location hash names ("#get-api-posts" → "get-api-posts"), or null. */
export function anchorFromHash(hash: string): string | null {
  const id = decodeLeniently(hash.startsWith('#') ? hash.slice(1) : hash);
  return id === '' ? null : id;
}
