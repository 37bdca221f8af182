// The OpenAPI 3.1 document, generated from the route schemas (contract/ is the single
// source) and served publicly at GET /api/openapi.json. The API explorer groups and
// labels endpoints by the tags and summaries the routes declare.
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

/** Each tag's description, in the document's order (the explorer shows groups in this order). */
const TAG_DESCRIPTIONS = {
  Posts: 'The feed and single posts.',
  Comments: 'Comments on visible posts.',
  Followers: 'Who follows the current user.',
  Following: 'Whom the current user follows.',
  Profile: 'The current user.',
  Suggestions: 'Users to follow.',
  Stories: 'Stories of the network.',
  Bookmarks: "The current user's bookmarks.",
  'Post Likes': 'Likes of visible posts.',
  Users: 'People on Photo App, and signing up.',
  Media: 'Images uploaded from your device.',
  Sessions: "The current user's logged-in devices.",
  'Access Tokens': 'JWT access and refresh tokens.',
};

export const API_TAGS = Object.entries(TAG_DESCRIPTIONS).map(([name, description]) => ({
  name,
  description,
}));

/** Registers @fastify/swagger at the root; call before any route is registered. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    // Untagged routes are pages and assets, not the REST API.
    hideUntagged: true,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Photo App API',
        version: '1.0.0',
        description:
          'REST API of the Photo App, compatible with the Flask course app. Send the access token from POST /api/token as `Authorization: Bearer <token>`.',
      },
      tags: API_TAGS,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          cookieAuth: {
            type: 'apiKey',
            in: 'cookie',
            name: 'access_token_cookie',
            description:
              'Set by POST /login. Writes (POST, PATCH, DELETE) also need the X-CSRF-TOKEN header, copied from the csrf_access_token cookie.',
          },
        },
      },
      security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    },
  });
}

/** GET /api/openapi.json, in the public scope (no token needed). */
export const openApiRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/openapi.json',
    { config: { public: true }, schema: { hide: true } },
    async (_request, reply) => {
      reply.header('Cache-Control', 'no-cache');
      return app.swagger();
    },
  );
};
