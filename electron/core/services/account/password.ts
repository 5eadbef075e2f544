import type { ParsedInput } from '../../../../shared/contract';
import type { HandlerContext } from '../../dispatch/handler-types';
import { changePassword as changePasswordAtPlan } from '../../sync/account-client';
import { readUnlockHash, writeUnlockHash } from '../../sync/session-store';
import { hashUnlockPassword } from '../session/unlock-hash';

/**
 * Changes the password at the plan (which signs out the user's other sessions), then the screen
 * lock's copy here: otherwise this computer would unlock only with the password just retired.
 */
export async function changePassword(ctx: HandlerContext, input: ParsedInput<'account.changePassword'>): Promise<{ endedSessions: number }> {
  const changed = await changePasswordAtPlan(ctx.runtime.plan.authorizedClient(ctx.store), input);
  // No hash: a session this computer did not sign in to (the sandbox's) has no lock to follow.
  if (readUnlockHash(ctx.store) !== null) writeUnlockHash(ctx.store, await hashUnlockPassword(input.newPassword));
  return changed;
}
