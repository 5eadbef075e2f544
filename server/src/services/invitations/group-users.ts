import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { GroupUsersResponse } from '@shared/plan-api/invitations';
import type { Db } from '../../store/db';
import { groupUsers, invitations, users } from '../../store/schema';
import { invitationView } from './invitation-view';

/** Invitations stay in the list this long after their last event (sent, accepted or revoked). */
const LISTED_DAYS = 30;

/** GET /v1/groups/:groupNumber/users: who may use the group, and the recent invitations, pending ones first. */
export async function groupUsersOf(db: Db, groupNumber: string, now: Date): Promise<GroupUsersResponse> {
  const userRows = await db
    .select({ userId: users.userId, name: users.name, email: users.email, role: groupUsers.role, grantedAt: groupUsers.grantedAt, grantedBy: groupUsers.grantedBy })
    .from(groupUsers)
    .innerJoin(users, eq(users.userId, groupUsers.userId))
    .where(eq(groupUsers.groupNumber, groupNumber))
    .orderBy(asc(users.name), asc(users.userId));
  const since = new Date(now.getTime() - LISTED_DAYS * 24 * 3_600_000);
  const invitationRows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.groupNumber, groupNumber), gte(sql`greatest(${invitations.sentAt}, ${invitations.acceptedAt}, ${invitations.revokedAt})`, since)))
    .orderBy(sql`${invitations.sentAt} DESC`, sql`${invitations.id} DESC`);
  const listed = invitationRows.map((row) => invitationView(row, now));
  return {
    users: userRows.map((u) => ({ ...u, grantedAt: u.grantedAt.toISOString() })),
    // Pending first (they may need a resend); within each part, the most recently sent first.
    invitations: [...listed.filter((i) => i.status === 'pending'), ...listed.filter((i) => i.status !== 'pending')],
  };
}
