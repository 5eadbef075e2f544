import type { Database } from 'better-sqlite3';
import type { Group } from '@shared/contract/schemas/group';
import type { Me } from '@shared/plan-api/accounts';
import { roleAllows, type Role } from '@shared/contract/roles';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import { findGroup, saveGroup } from './groups-repository';
import { statement } from '../statements';
import type { Store } from '../store';
import { removeGroupReplica } from './session-store';
import { startCursor } from './sync-cursors';

/** Rates the plan sends are those in force now; the first copy of a group dates them from the start. */
const firstRatesEffective = '1900-01-01';

export interface AppliedMe {
  userRef: number;
  /** Groups whose copy left the replica: access ended, or their roster is no longer the user's to read. */
  removedGroups: string[];
  /** Groups the user holds a role in that they did not hold one in at the last account sync. */
  addedGroups: string[];
}

/**
 * Records the signed-in user as the plan describes them (GET /v1/me) and returns their local
 * users.id. Groups they may no longer see leave the replica at once with everything in it, their
 * unsent changes too: the plan would refuse them, and another user's copy is not kept here (see
 * removeGroupReplica). So does the copy of a group whose members the user may no longer read (a
 * role changed to billing): its roster must not stay readable on this computer; saveRemoteGroup
 * brings the group itself back. Roles in groups already here follow the plan; groups new to the
 * user are added by saveRemoteGroup once their detail is read.
 */
export function applyMe(store: Store, me: Me, now: string): AppliedMe {
  const { db } = store;
  return db.transaction(() => {
    const userRef = upsertUser(store, me, now);
    const visible = new Set(me.groups.map((g) => g.groupNumber));
    const heldRoles = new Map((statement(db, 'SELECT group_number, role FROM user_groups WHERE user_id = ?').all(userRef) as { group_number: string; role: Role }[]).map((r) => [r.group_number, r.role]));
    const addedGroups = me.groups.map((g) => g.groupNumber).filter((g) => !heldRoles.has(g));
    const rosterRevoked = me.groups.filter((g) => !roleAllows(g.role, 'members.read') && roleAllows(heldRoles.get(g.groupNumber) ?? g.role, 'members.read')).map((g) => g.groupNumber);
    const here = statement(db, 'SELECT group_number FROM groups').pluck().all() as string[];
    const removedGroups = [...here.filter((g) => !visible.has(g)), ...rosterRevoked.filter((g) => here.includes(g))];
    for (const groupNumber of removedGroups) removeGroupReplica(store, groupNumber);
    statement(db, 'DELETE FROM user_groups WHERE user_id = ? AND group_number NOT IN (SELECT value FROM json_each(?))').run(userRef, JSON.stringify([...visible]));
    const setRole = statement(
      db,
      `INSERT INTO user_groups (user_id, group_number, role) SELECT ?, group_number, ? FROM groups WHERE group_number = ?
       ON CONFLICT (user_id, group_number) DO UPDATE SET role = excluded.role`,
    );
    for (const g of me.groups) setRole.run(userRef, g.role, g.groupNumber);
    return { userRef, removedGroups, addedGroups };
  })();
}

/** The user's row (by plan user ID); returns its local users.id. */
export function upsertUser(store: Store, user: Pick<Me, 'userId' | 'email' | 'name' | 'emailVerified'>, now: string): number {
  return Number(
    statement(
      store.db,
      `INSERT INTO users (login, email, display_name, email_verified, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (login) DO UPDATE SET email = excluded.email, display_name = excluded.display_name, email_verified = excluded.email_verified
       RETURNING id`,
    )
      .pluck()
      .get(user.userId.toLowerCase(), user.email, user.name, user.emailVerified ? 1 : 0, now),
  );
}

/**
 * Writes a group's detail (GET /v1/groups/:groupNumber) and the user's role in it. Rates are stored from
 * today when they differ from those in force, so invoices of earlier months keep their rates.
 */
export function saveRemoteGroup(store: Store, group: Group, userRef: number, role: Role, today: string, now: string): void {
  const { db } = store;
  db.transaction(() => {
    const known = findGroup(db, group.groupNumber, today);
    const sameRates = known !== null && group.plans.every((p) => JSON.stringify(known.plans.find((k) => k.code === p.code)?.rates) === JSON.stringify(p.rates));
    // Unchanged rates are rewritten where they already are (the latest in force), changed ones from today.
    const inForceSince = statement(db, 'SELECT max(effective_date) FROM plan_rates WHERE group_number = ? AND effective_date <= ?').pluck().get(group.groupNumber, today) as string | null;
    saveGroup(db, group, known === null ? firstRatesEffective : sameRates ? (inForceSince ?? firstRatesEffective) : today, now);
    if (known === null) startCursor(db, group.groupNumber, now);
    statement(db, `INSERT INTO user_groups (user_id, group_number, role) VALUES (?, ?, ?) ON CONFLICT (user_id, group_number) DO UPDATE SET role = excluded.role`).run(userRef, group.groupNumber, role);
  })();
}

/**
 * The group's balance as the plan last reported it (GET /v1/groups/:groupNumber/billing-summary): the open
 * invoices' total and the latest invoice's due date; null when the plan gave none (no invoice
 * access, or a service without Bill Pay).
 */
export function saveGroupBalance(store: Store, groupNumber: string, summary: BillingSummary | null): void {
  statement(store.db, 'UPDATE groups SET balance_cents = ?, balance_due_date = ? WHERE group_number = ?').run(
    summary?.balanceCents ?? null,
    summary?.lastInvoice?.dueDate ?? null,
    groupNumber,
  );
}

/** Grants (role) or removes (null) the user's role in the group, as the group's feed says; true if it changed. */
export function setOwnRole(db: Database, userRef: number, groupNumber: string, role: Role | null): boolean {
  if (role !== null) {
    return (
      statement(
        db,
        `INSERT INTO user_groups (user_id, group_number, role) VALUES (?, ?, ?) ON CONFLICT (user_id, group_number) DO UPDATE SET role = excluded.role WHERE role IS NOT excluded.role`,
      ).run(userRef, groupNumber, role).changes > 0
    );
  }
  return statement(db, 'DELETE FROM user_groups WHERE user_id = ? AND group_number = ?').run(userRef, groupNumber).changes > 0;
}
