import type { Permission } from './define';

/**
 * A user's role in one group. Modeled on carrier portals' role grids (e.g.
 * Premera's Group admin / HR / Financial / Report users, Aetna's Primary / General / View-only):
 * - primary_admin: the group officer's delegate; everything, and the only role that manages users.
 * - admin: an HR administrator; maintains members and sees invoices, cannot pay or manage users.
 * - billing: a financial user; sees and pays invoices. An invoice line names the member it bills (name,
 *   member ID, plan, tier, amount), which is all a bill needs checking against; the roster and member
 *   demographics (dates of birth, addresses, SSNs) stay closed, and of the change feed a billing user
 *   reads only the invoices, their lines and adjustments, since anyone holding a group's latest
 *   invoice can become a billing user.
 * - read_only: a reporting user; sees members and invoices, changes nothing.
 */
export const roles = ['primary_admin', 'admin', 'billing', 'read_only'] as const;
export type Role = (typeof roles)[number];

const grants: Record<Role, readonly Permission[]> = {
  primary_admin: ['members.read', 'members.write', 'billing.read', 'billing.write', 'users.manage'],
  admin: ['members.read', 'members.write', 'billing.read'],
  billing: ['billing.read', 'billing.write'],
  read_only: ['members.read', 'billing.read'],
};

/** What a role may do in its group; `none` (any signed-in user of the group) is implied, not listed. */
export const roleGrants = (role: Role): Permission[] => [...grants[role]];

/** `none` asks only that the user holds some role in the group. */
export const roleAllows = (role: Role, permission: Permission): boolean => permission === 'none' || grants[role].includes(permission);

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

export const roleLabels: Record<Role, string> = {
  primary_admin: 'Primary administrator',
  admin: 'Administrator',
  billing: 'Billing',
  read_only: 'Read-only',
};
