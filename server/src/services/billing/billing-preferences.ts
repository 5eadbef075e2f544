import { and, asc, eq, inArray } from 'drizzle-orm';
import type { BillingPreferences } from '@shared/plan-api/billing-preferences';
import type { Db } from '../../store/db';
import { billingPreferences, groupUsers, groups, users } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';

type PreferencesRow = typeof billingPreferences.$inferSelect;

const toView = (row: PreferencesRow | undefined): BillingPreferences => ({
  paperless: row?.paperless ?? false,
  noticeRecipients: row?.noticeRecipients ?? null,
  updatedBy: row?.updatedBy ?? null,
  updatedAt: row?.updatedAt.toISOString() ?? null,
});

/** The group's preferences, or the defaults (paper; notice to primary administrators and billing users). */
export async function billingPreferencesOf(db: Db, groupNumber: string): Promise<BillingPreferences> {
  const [row] = await db.select().from(billingPreferences).where(eq(billingPreferences.groupNumber, groupNumber));
  return toView(row);
}

export interface PreferencesChanged {
  preferences: BillingPreferences;
  groupName: string;
  /** Who changed them, as the primary administrators are told. */
  changedBy: { userId: string; name: string };
  primaryAdmins: { name: string; email: string }[];
}

/** Replaces the group's preferences, audited with what they were before. */
export async function changeBillingPreferences(
  db: Db,
  groupNumber: string,
  change: { paperless: boolean; noticeRecipients: string[] | null },
  actor: Actor,
  now: Date,
): Promise<PreferencesChanged> {
  return db.transaction(async (tx) => {
    const before = await billingPreferencesOf(tx, groupNumber);
    const values = { paperless: change.paperless, noticeRecipients: change.noticeRecipients, updatedBy: actor.actorUserId, updatedAt: now };
    const [row] = await tx
      .insert(billingPreferences)
      .values({ groupNumber, ...values })
      .onConflictDoUpdate({ target: billingPreferences.groupNumber, set: values })
      .returning();
    const preferences = toView(row);
    await recordAudit(tx, {
      ...actor,
      action: 'billing.preferences',
      target: `group:${groupNumber}`,
      detail: { before: { paperless: before.paperless, noticeRecipients: before.noticeRecipients }, after: change },
      at: now,
    });
    const [group] = await tx.select({ name: groups.name }).from(groups).where(eq(groups.groupNumber, groupNumber));
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.userId, actor.actorUserId));
    return { preferences, groupName: group?.name ?? groupNumber, changedBy: { userId: actor.actorUserId, name: user?.name ?? actor.actorUserId }, primaryAdmins: await usersWithRoles(tx, groupNumber, ['primary_admin']) };
  });
}

async function usersWithRoles(db: Db, groupNumber: string, roles: ('primary_admin' | 'billing')[]): Promise<{ name: string; email: string }[]> {
  return db
    .select({ name: users.name, email: users.email })
    .from(groupUsers)
    .innerJoin(users, eq(users.userId, groupUsers.userId))
    .where(and(eq(groupUsers.groupNumber, groupNumber), inArray(groupUsers.role, roles)))
    .orderBy(asc(users.userId));
}

/** Who the new-invoice notice goes to: the addresses the group chose, else its primary administrators and billing users. */
export async function noticeRecipientsOf(db: Db, groupNumber: string): Promise<string[]> {
  const { noticeRecipients } = await billingPreferencesOf(db, groupNumber);
  if (noticeRecipients) return noticeRecipients;
  return [...new Set((await usersWithRoles(db, groupNumber, ['primary_admin', 'billing'])).map((u) => u.email.toLowerCase()))];
}
