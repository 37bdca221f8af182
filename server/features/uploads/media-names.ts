// Names of uploaded files: unguessable (API.md §9: public, but nobody can list or
// guess them), written once and never changed, so they may be cached forever.
import { randomBytes } from 'node:crypto';

/** Where the server serves a stored name. */
export const MEDIA_URL_PREFIX = '/media/u/';

/** 128 random bits as 22 base64url characters, `-thumb` for the thumbnail, the extension. */
export const STORED_NAME = /^[A-Za-z0-9_-]{22}(?:-thumb)?\.(?:webp|jpg)$/;

/** A fresh base name, shared by an image and its thumbnail. */
export function newMediaId(): string {
  return randomBytes(16).toString('base64url');
}

export function storedNames(id: string, contentType: string): { image: string; thumb: string } {
  const extension = contentType === 'image/jpeg' ? 'jpg' : 'webp';
  return { image: `${id}.${extension}`, thumb: `${id}-thumb.${extension}` };
}

/** The Content-Type of a stored name, from the extension this module gave it. */
export function contentTypeOf(name: string): string {
  return name.endsWith('.jpg') ? 'image/jpeg' : 'image/webp';
}
