import { ContractFailure } from '@shared/contract/errors';
import { TWO_FACTOR_ENROLLMENT_REQUIRED } from '@shared/plan-api/two-factor';
import type { SessionIdentity } from '../services/accounts/sessions';

/**
 * A session opened for a user whose role requires two-step sign-in, before they have turned it on,
 * reaches only enrollment, GET /me and sign-out (enrollment-session.ts): everything else answers
 * 403 TWO_FACTOR_REQUIRED, which the desktop turns into the enrollment screen. The limit is lifted
 * on the session itself when enrollment is confirmed.
 */
export function refuseLimitedSession(identity: SessionIdentity): void {
  if (identity.limitedTo === 'two_factor_enrollment') throw new ContractFailure('TWO_FACTOR_REQUIRED', TWO_FACTOR_ENROLLMENT_REQUIRED);
}
