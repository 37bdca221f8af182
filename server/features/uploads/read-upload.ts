// Reads the one file of a POST /api/media request (API.md §9: multipart/form-data,
// one file field named `file`) with every multipart limit set, and turns each way a
// request can break them into a 4xx that says what to fix.
import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { HttpError, badRequest } from '../../errors';

/** Room for the multipart envelope (boundaries, part headers, a few small fields). */
const ENVELOPE_BYTES = 64 * 1024;

export const MULTIPART_LIMITS = {
  files: 1,
  /** A client may send a few small text fields along (a form's hidden inputs); they are ignored. */
  fields: 10,
  fieldSize: 1024,
  parts: 11,
  headerPairs: 20,
} as const;

export const tooLarge = (maxBytes: number) =>
  new HttpError(
    413,
    `The file is too large: at most ${(maxBytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB.`,
  );

const notMultipart = () =>
  new HttpError(415, 'Send the image as multipart/form-data with one file field named "file".');

/** @fastify/multipart's errors, each as the answer the contract asks for. */
function translate(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxBytes);
    case 'FST_FILES_LIMIT':
      return badRequest('Send one file per request.');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return badRequest(`Too many form fields: send one file field named "file".`);
    case 'FST_PROTO_VIOLATION':
      return badRequest('A form field has a name that is not allowed.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return notMultipart();
    case 'FST_MP_PREMATURE_CLOSE':
      return badRequest('The upload ended before the whole file arrived.');
  }
  // busboy's own parse errors ("Unexpected end of form", a missing boundary...).
  if (error instanceof Error && !(error instanceof HttpError) && !('statusCode' in error)) {
    return badRequest(`The multipart body could not be read: ${error.message}.`);
  }
  return error;
}

/** The bytes of the request's one file field `file`. */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) throw notMultipart();
  // Refused before reading a byte when the client says up front that it is too big.
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);

  let file: Buffer | undefined;
  try {
    const parts = request.parts({ limits: { ...MULTIPART_LIMITS, fileSize: maxBytes } });
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') {
        await part.toBuffer(); // read to its end, so the refusal can be sent
        throw badRequest(`The file field must be named "file" (got "${part.fieldname}").`);
      }
      file = await part.toBuffer();
    }
  } catch (error) {
    throw translate(error, maxBytes);
  }
  if (file === undefined) throw badRequest('Missing the file: send it in a field named "file".');
  if (file.length === 0) throw badRequest('The file is empty.');
  return file;
}
