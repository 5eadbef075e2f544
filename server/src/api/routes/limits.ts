import type { ServiceDeps } from '../deps';

/**
 * The smaller per-address budget of the routes that guessing attacks hit (sign-in, codes). It is
 * counted in onRequest, before authentication, so a flood meets 429 whatever its credentials.
 */
export const credentialLimit = (deps: ServiceDeps) => ({ rateLimit: { max: deps.limits.credentials, timeWindow: deps.limits.windowMs } });
