import { ContractFailure } from '@shared/contract/errors';

/**
 * Throttling (rate limits and sign-in lockouts) answers HTTP 429 with code `RULE` and a
 * Retry-After header. The contract's code list stays as it is: the request was understood and the
 * caller may be entitled to it, but a service rule refuses it for now — that is what RULE means.
 * AUTH would make a client drop a valid session; OFFLINE would make it queue and retry at once.
 */
export class ThrottledFailure extends ContractFailure {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RULE', message);
  }
}

/**
 * `2026-12-07T14:05Z`: an instant in a message, as data. The desktop writes it as its reader's local
 * time with the day unless it is today's (`shared/util/date-format.ts`, `datesIn`); a bare
 * "14:05 UTC" would be another day, and another clock, for most readers.
 */
export const messageInstant = (d: Date): string => `${d.toISOString().slice(0, 16)}Z`;

/** The Retry-After of a lock ending at `until` (at least a second). */
export const secondsUntil = (until: Date, now: Date): number => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** `<reason>: try again after 2026-12-07T14:05Z.`, answered 429 until then. */
export const throttledUntil = (reason: string, until: Date, now: Date): ThrottledFailure => new ThrottledFailure(`${reason}: try again after ${messageInstant(until)}.`, secondsUntil(until, now));
