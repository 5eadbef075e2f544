import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { groupUsers, groups, users } from '../../store/schema';
import type { BillingPlan } from '../billing/billing-plan';
import type { PaymentMailGroup } from '../../mail/payment-mails';

/** The group as payment e-mails name it, and its primary administrators' addresses. */
export async function paymentMailContext(db: Db, groupNumber: string, plan: BillingPlan): Promise<{ group: PaymentMailGroup; primaryAdmins: string[] }> {
  const [group] = await db.select({ name: groups.name }).from(groups).where(eq(groups.groupNumber, groupNumber));
  const admins = await db
    .select({ email: users.email })
    .from(groupUsers)
    .innerJoin(users, eq(users.userId, groupUsers.userId))
    .where(and(eq(groupUsers.groupNumber, groupNumber), eq(groupUsers.role, 'primary_admin')))
    .orderBy(asc(users.userId));
  return { group: { groupNumber, companyName: group?.name ?? groupNumber, serviceTeam: plan.serviceTeam }, primaryAdmins: admins.map((a) => a.email.toLowerCase()) };
}

/** A user's e-mail address and name, or null for an actor that is not a user (autopay, an operator). */
export async function userContact(db: Db, userId: string): Promise<{ email: string; name: string } | null> {
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.userId, userId));
  return user ? { email: user.email.toLowerCase(), name: user.name } : null;
}
