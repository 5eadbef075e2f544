import { ContractFailure } from '@shared/contract/errors';
import { TWO_FACTOR_ENROLLMENT_REQUIRED, type TwoFactorPolicy } from '@shared/plan-api/two-factor';
import type { SessionIdentity } from '../services/accounts/sessions';
import { sessionLimited } from '../services/accounts/two-factor/policy';

/**
 * A session of a user whose role requires two-step sign-in, before they have turned it on (at sign-in
 * or since: a role granted mid-session counts from the next request), reaches only enrollment, GET
 * /me and sign-out (enrollment-session.ts): everything else answers 403 TWO_FACTOR_REQUIRED, which
 * the desktop turns into the enrollment screen. The limit is lifted when enrollment is confirmed.
 */
export function refuseLimitedSession(identity: SessionIdentity, policy: TwoFactorPolicy): void {
  if (sessionLimited(identity, policy)) throw new ContractFailure('TWO_FACTOR_REQUIRED', TWO_FACTOR_ENROLLMENT_REQUIRED);
}
