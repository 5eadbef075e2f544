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

/** `14:05 UTC`: the time a lock ends, as every throttling message gives it. */
export const utcClock = (d: Date): string => `${d.toISOString().slice(11, 16)} UTC`;

/** The Retry-After of a lock ending at `until` (at least a second). */
export const secondsUntil = (until: Date, now: Date): number => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** `<reason>: try again after 14:05 UTC.`, answered 429 until then. */
export const throttledUntil = (reason: string, until: Date, now: Date): ThrottledFailure => new ThrottledFailure(`${reason}: try again after ${utcClock(until)}.`, secondsUntil(until, now));
