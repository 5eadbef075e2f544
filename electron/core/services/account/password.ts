import type { ParsedInput } from '@shared/contract';
import type { HandlerContext } from '../../dispatch/handler-types';
import { changePassword as changePasswordAtPlan } from '../../plan-service/account-client';
import { readUnlockHash, writeUnlockHash } from '../../store/repositories/session-store';
import { hashUnlockPassword } from '../../session/unlock-hash';

/**
 * Changes the password at the plan (which signs out the user's other sessions), then the screen
 * lock's copy here: otherwise this computer would unlock only with the password just retired. The
 * new copy is hashed before the plan is asked, so it is written the moment the plan agrees (a slow
 * scrypt in between would widen the window in which a crash leaves the old password unlocking).
 */
export async function changePassword(ctx: HandlerContext, input: ParsedInput<'account.changePassword'>): Promise<{ endedSessions: number }> {
  // No hash: a session this computer did not sign in to (the sandbox's) has no lock to follow.
  const newUnlockHash = readUnlockHash(ctx.store) === null ? null : await hashUnlockPassword(input.newPassword);
  const changed = await changePasswordAtPlan(ctx.clients.authorized(ctx.store), input);
  if (newUnlockHash !== null) writeUnlockHash(ctx.store, newUnlockHash);
  return changed;
}
