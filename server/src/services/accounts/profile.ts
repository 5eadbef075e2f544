import { asc, eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { roleGrants } from '@shared/contract/roles';
import type { Me } from '@shared/plan-api/accounts';
import type { Db } from '../../store/db';
import { groupUsers, groups, users } from '../../store/schema';

/** The signed-in user and every group they hold a role in, with what that role may do. */
export async function profileOf(db: Db, userId: string): Promise<Me> {
  const [user] = await db.select().from(users).where(eq(users.userId, userId)).limit(1);
  if (!user) throw new ContractFailure('AUTH', 'Sign in again: this account no longer exists.');
  const memberships = await db
    .select({ groupNumber: groupUsers.groupNumber, role: groupUsers.role, name: groups.name })
    .from(groupUsers)
    .innerJoin(groups, eq(groups.groupNumber, groupUsers.groupNumber))
    .where(eq(groupUsers.userId, userId))
    .orderBy(asc(groupUsers.groupNumber));
  return {
    userId: user.userId,
    name: user.name,
    email: user.email,
    phone: user.phone,
    emailVerified: user.emailVerifiedAt !== null,
    groups: memberships.map((m) => ({ ...m, permissions: roleGrants(m.role) })),
  };
}
