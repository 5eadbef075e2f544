import { randomBytes } from 'node:crypto';

/** How long a start address works after it was made: enough for a browser to open it, no more. */
export const START_CODE_TTL_MS = 60_000;

/**
 * One-time codes for the start address (`/start?code=…`) that the browser host opens for the user.
 * The address travels on the command line of the spawned browser, which other local users can read
 * (`ps`): so it carries a code that works once, within a minute, instead of the session token.
 */
export interface StartCodes {
  issue(): string;
  /** True once for a code issued less than a minute ago; false for any other, and for it again. */
  redeem(code: string): boolean;
}

export function startCodes(now: () => number = Date.now): StartCodes {
  const expiries = new Map<string, number>();
  return {
    issue() {
      const code = randomBytes(32).toString('base64url');
      expiries.set(code, now() + START_CODE_TTL_MS);
      return code;
    },
    redeem(code) {
      const expiry = expiries.get(code);
      // Spent on the first try, whether or not it was still in time.
      expiries.delete(code);
      return expiry !== undefined && now() < expiry;
    },
  };
}
