// POST /api/media from the browser (API.md §9). XMLHttpRequest rather than fetch,
// because only it reports upload progress. Sends the session cookie and the CSRF
// header like lib/api.ts, renews an expired session once, and turns every failure
// into a sentence a person understands.
import type { UploadedMedia } from '../../../contract';
import { api } from './api';
import { readCookie } from './cookies';

export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

const ACCEPTED = 'JPEG, PNG, WebP, GIF or AVIF';
/** For the file picker: what the server accepts (it checks the bytes, not this list). */
export const ACCEPTED_TYPES = 'image/jpeg,image/png,image/webp,image/gif,image/avif';

function messageFor(status: number, body: string): string {
  let serverMessage = '';
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'message' in parsed) {
      serverMessage = String(parsed.message);
    }
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  switch (status) {
    case 413: {
      if (serverMessage.includes('pixels')) {
        return 'This photo has too many pixels for us. Try a smaller version of it.';
      }
      const limit = /at most ([\d.]+ MB)/.exec(serverMessage)?.[1];
      return `This photo is too large${limit ? `: the limit is ${limit}` : ''}. Try a smaller one.`;
    }
    case 415:
      return `This file is not a photo we can use. Choose a ${ACCEPTED} image.`;
    case 429:
      return serverMessage || 'You have uploaded a lot of photos: please wait a while.';
    case 400:
      return serverMessage.includes('could not be read')
        ? 'This photo could not be opened: it may be damaged. Try another one.'
        : serverMessage || 'The photo could not be uploaded.';
    default:
      return 'The photo could not be uploaded. Please try again.';
  }
}

function send(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/media');
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    const csrf = readCookie('csrf_access_token');
    if (csrf) request.setRequestHeader('X-CSRF-TOKEN', csrf);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () =>
      resolve({ status: request.status, body: request.responseText }),
    );
    request.addEventListener('error', () =>
      reject(new UploadError('The upload failed: check your connection and try again.')),
    );
    request.addEventListener('abort', () => reject(new UploadError('The upload was cancelled.')));
    signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    form.append('file', file);
    request.send(form);
  });
}

/** Uploads one image; `onProgress` gets 0..1 as the bytes leave the browser. */
export async function uploadMedia(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedMedia> {
  if (file.type !== '' && !file.type.startsWith('image/')) {
    throw new UploadError(`This file is not a photo. Choose a ${ACCEPTED} image.`);
  }
  let answer = await send(file, onProgress, signal);
  if (answer.status === 401 && (await api.renewSession())) {
    onProgress(0);
    answer = await send(file, onProgress, signal);
  }
  if (answer.status === 401) throw new UploadError('Your session has ended. Please log in again.');
  if (answer.status !== 201) throw new UploadError(messageFor(answer.status, answer.body));
  return JSON.parse(answer.body) as UploadedMedia;
}
