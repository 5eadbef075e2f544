import { z } from 'zod';

/**
 * An `Idempotency-Key`: what makes a request safe to send again. The plan answers a second request
 * with the same key (and the same content) with the first one's answer instead of acting twice.
 */
export const requestKey = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'A request key is 8–128 letters, digits, dashes or underscores');
