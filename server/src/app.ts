import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installErrorHandlers } from './api/errors';
import { clientErrorHandler, frameworkErrors } from './api/client-errors';
import { ThrottledFailure } from './services/throttled-failure';
import type { ServiceDeps } from './api/deps';
import { contractErrorSchema } from '@shared/contract/errors';
import { routePlugins } from './api/routes';
import { verifyPage } from './pages/verify-page';
import { loggerOptions } from './log-options';

/** 1 MiB: the largest legitimate body (a bulk enrollment page) is far smaller. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface ServerOptions {
  /** The reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For sets `request.ip`. */
  trustProxy?: string[];
  logger: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
}

export async function buildApp(deps: ServiceDeps & ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ? loggerOptions(deps.logStream) : false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Rate limits, lockouts and the audit log key on request.ip; only a listed proxy may set it.
    trustProxy: deps.trustProxy ?? false,
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);

  await app.register(helmet);
  await app.register(rateLimit, {
    global: true,
    max: deps.limits.global,
    timeWindow: deps.limits.windowMs,
    errorResponseBuilder: (_request, context) =>
      new ThrottledFailure(`Too many requests. Try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} seconds.`, Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'GroupDesk plan service', version: '1.0.0', description: 'Accounts, groups, members, coverage and billing of a health plan, for employer group administrators.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  // Every API route answers failures in the contract's error shape; saying so in each route's
  // schema puts it in the OpenAPI document and checks each error body on the way out.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/v1/') || !route.schema || (route.schema as { hide?: boolean }).hide) return;
    route.schema.response = { '4XX': contractErrorSchema, '5XX': contractErrorSchema, ...(route.schema.response as object | undefined) };
  });

  await app.register(verifyPage, deps);
  await app.register(
    async (v1) => {
      for (const plugin of routePlugins) await v1.register(plugin, deps);
    },
    { prefix: '/v1' },
  );
  return app;
}
