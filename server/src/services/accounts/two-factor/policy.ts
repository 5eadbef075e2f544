import { and, eq, inArray } from 'drizzle-orm';
import type { TwoFactorPolicy } from '@shared/plan-api/two-factor';
import type { Role } from '@shared/contract/roles';
import type { Db } from '../../../store/db';
import { groupUsers } from '../../../store/schema';

/** The roles `required-for-admins` covers: whoever can grant access, or move the group's money. */
export const ROLES_REQUIRING_TWO_FACTOR: readonly Role[] = ['primary_admin', 'billing'];

/** True when the policy requires two-step sign-in of this user: a covered role in any group. */
export async function twoFactorRequired(db: Db, userId: string, policy: TwoFactorPolicy): Promise<boolean> {
  if (policy === 'optional') return false;
  const [row] = await db
    .select({ role: groupUsers.role })
    .from(groupUsers)
    .where(and(eq(groupUsers.userId, userId), inArray(groupUsers.role, [...ROLES_REQUIRING_TWO_FACTOR])))
    .limit(1);
  return row !== undefined;
}

/**
 * Whether a session reaches only two-step sign-in setup: it was opened so (the user was covered at
 * sign-in), or the user has been given a covered role since and has not turned it on yet.
 */
export function sessionLimited(identity: { limitedTo?: 'two_factor_enrollment' | null; twoFactorOwed?: boolean }, policy: TwoFactorPolicy): boolean {
  return identity.limitedTo === 'two_factor_enrollment' || (policy === 'required-for-admins' && identity.twoFactorOwed === true);
}
