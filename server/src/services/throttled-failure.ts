import { ContractFailure } from '../../../shared/contract/errors';

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
