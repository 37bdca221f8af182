// API.md §9: every upload is decoded and re-encoded, never stored as sent. sharp
// (libvips) applies the EXIF orientation, drops all metadata (EXIF, GPS, XMP, ICC:
// it writes none unless asked), bounds the longest side and cuts the square
// thumbnail. Image and thumbnail are WebP.
import { availableParallelism } from 'node:os';
import type { Metadata, OutputInfo, default as Sharp } from 'sharp';
import { HttpError, badRequest } from '../../errors';
import type { ImageFormat } from './image-format';

/** The longest side of a stored image. */
export const MAX_SIDE = 2048;
/** Thumbnails are exactly this many pixels square. */
export const THUMB_SIZE = 150;
/**
 * Decoding an image costs about 4 bytes per pixel whatever its file size, so a small
 * file declaring an enormous image (a decompression bomb) is refused from its header.
 * 50 megapixels admits a 48 MP phone photo (8064 × 6048).
 */
export const MAX_PIXELS = 50_000_000;

export interface EncodedImage {
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
}

export interface ProcessedImage {
  image: EncodedImage;
  thumb: EncodedImage;
}

/** What sharp's metadata calls each accepted format (AVIF is HEIF with AV1 inside). */
function decodedAs(format: ImageFormat, metadata: Metadata): boolean {
  if (format === 'avif') return metadata.format === 'heif' && metadata.compression === 'av1';
  return metadata.format === format;
}

const tooManyPixels = (width: number, height: number) =>
  new HttpError(
    413,
    `The image is ${width} × ${height} pixels; at most ${MAX_PIXELS / 1_000_000} megapixels are accepted.`,
  );

const unreadable = () =>
  badRequest('The file could not be read as an image: it may be damaged or incomplete.');

// Decoding holds the whole image in memory: a few at a time keep memory bounded
// however many uploads arrive together (libvips itself uses several threads each).
const maxJobs = Math.max(1, Math.min(4, availableParallelism()));
let running = 0;
const waiting: (() => void)[] = [];

async function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  if (running >= maxJobs) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await job();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

// sharp (libvips and its native module, ~16 MB of every process's memory) is loaded
// when the first upload needs it, so a worker that never sees an upload never pays for it.
let loadedSharp: Promise<typeof Sharp> | undefined;
const loadSharp = () => (loadedSharp ??= import('sharp').then((module) => module.default));

/** Decodes `bytes` (already recognised as `format`) into the stored image and thumbnail. */
export async function processImage(bytes: Buffer, format: ImageFormat): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  const input = () => sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: false });
  let metadata: Metadata;
  try {
    // The header only (no pixel is decoded), so the bomb check costs nothing and
    // can say how big the image claims to be.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  if (!decodedAs(format, metadata)) throw unreadable();
  const { width, height } = metadata;
  if (width * height > MAX_PIXELS) throw tooManyPixels(width, height);

  return oneAtATime(async () => {
    try {
      const image = await input()
        .rotate()
        .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
      // Cut from the stored image: decoding the (smaller) result again is cheap.
      const thumb = await sharp(image.data)
        .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'cover', position: 'attention' })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      return { image: encoded(image), thumb: encoded(thumb) };
    } catch (error) {
      if (error instanceof Error && /pixel limit/i.test(error.message)) {
        throw tooManyPixels(width, height);
      }
      throw unreadable();
    }
  });
}

function encoded(result: { data: Buffer; info: OutputInfo }): EncodedImage {
  return {
    bytes: result.data,
    contentType: 'image/webp',
    width: result.info.width,
    height: result.info.height,
  };
}
