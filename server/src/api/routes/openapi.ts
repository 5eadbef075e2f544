import type { RoutePlugin } from '../deps';

/** The OpenAPI document, generated from the routes' zod schemas (so it cannot drift from them). */
export const openapiRoutes: RoutePlugin = async (app) => {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
