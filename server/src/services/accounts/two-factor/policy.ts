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
