// POST /api/media (API.md §9): one image from the user's device, recognised by its
// bytes, decoded and re-encoded without metadata, stored with its thumbnail under
// unguessable names. The answer's URLs then go into a post or the profile.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Message, UploadedMedia } from '../../../contract';
import { CounterStoreUnavailableError } from '../../auth/counter-stores';
import { createQuota } from '../../auth/quota';
import { HttpError } from '../../errors';
import { recognizeImage } from './image-format';
import { MEDIA_URL_PREFIX, newMediaId, storedNames } from './media-names';
import { createMediaStorage } from './media-storage';
import { processImage } from './process-image';
import { readUploadedFile } from './read-upload';

/** API.md §9: at most this many uploads per user per hour. */
export const UPLOADS_PER_HOUR = 60;

const errors = { 400: Message, 413: Message, 415: Message, 429: Message, 503: Message };

export const uploadsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Registered here, so multipart bodies are parsed for this route only.
  await app.register(fastifyMultipart);
  const storage = createMediaStorage(app.config, app.db);
  const quota = createQuota(app.counterStore, {
    name: 'uploads',
    points: UPLOADS_PER_HOUR,
    windowSeconds: 3600,
  });

  app.post(
    '/media',
    {
      config: { multipart: true },
      schema: {
        tags: ['Media'],
        summary: 'Upload an image',
        description:
          'multipart/form-data with one file field `file`: JPEG, PNG, WebP, GIF or AVIF (recognised by content), ' +
          `at most MEDIA_MAX_BYTES (10 MiB). Stored as WebP without metadata, upright, longest side at most 2048 px, ` +
          `with a 150 × 150 thumbnail. At most ${UPLOADS_PER_HOUR} uploads per user per hour.`,
        consumes: ['multipart/form-data'],
        response: { 201: UploadedMedia, ...errors },
      },
    },
    async (request, reply) => {
      const bytes = await readUploadedFile(request, app.config.mediaMaxBytes);
      const format = recognizeImage(bytes);
      if (format === null) {
        throw new HttpError(
          415,
          'This file is not an image we can use: upload a JPEG, PNG, WebP, GIF or AVIF image.',
        );
      }
      // Counted once the file is known to be an image: decoding is what costs.
      let wait: number | null;
      try {
        wait = await quota.take(`user:${request.user.id}`);
      } catch (error) {
        // Redis is away (logged once by the store): 503, never an uncounted upload.
        if (!(error instanceof CounterStoreUnavailableError)) throw error;
        return reply
          .code(503)
          .header('Retry-After', String(error.retryAfterSeconds))
          .send({ message: error.message });
      }
      if (wait !== null) {
        return reply
          .code(429)
          .header('Retry-After', String(wait))
          .send({
            message: `You uploaded ${UPLOADS_PER_HOUR} images in the last hour: try again in ${Math.ceil(wait / 60)} minutes.`,
          });
      }
      const { image, thumb } = await processImage(bytes, format);
      const names = storedNames(newMediaId(), image.contentType);
      await storage.save(names.image, image, request.user.id);
      await storage.save(names.thumb, thumb, request.user.id);
      return reply.code(201).send({
        image_url: MEDIA_URL_PREFIX + names.image,
        thumb_url: MEDIA_URL_PREFIX + names.thumb,
        width: image.width,
        height: image.height,
      });
    },
  );
};
