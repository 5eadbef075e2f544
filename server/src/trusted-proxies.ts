import { isIP } from 'node:net';
import { z } from 'zod';

/** `10.0.0.7`, `10.0.0.0/8`, `fd00::/8`: an address, or a range with a prefix length its family allows. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: a comma-separated list of the reverse proxies' addresses or CIDR ranges. Rate limits,
 * lockouts and the audit log key on the client's address, which a proxy reports in X-Forwarded-For;
 * `true` or a hop count would believe that header from anyone who connects directly, letting a caller
 * pick a fresh address for every guess, so they are refused.
 */
export const trustedProxiesSchema = z
  .string()
  .refine((value) => value !== 'true' && !/^\d+$/.test(value), {
    message: 'TRUST_PROXY must list the reverse proxies’ addresses or CIDR ranges (e.g. 10.0.0.5,10.1.0.0/16): true or a hop count would believe X-Forwarded-For from any caller',
  })
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .pipe(z.array(z.string().refine(isAddressOrRange, { message: 'TRUST_PROXY entries must be IP addresses or CIDR ranges such as 10.0.0.0/8' })).min(1, 'TRUST_PROXY lists no address'));
