import type { Permission } from '@shared/contract/define';
import { roleAllows, type Role } from '@shared/contract/roles';
import { useGroupStore } from './group-store';
import { useStatusStore } from './status-store';

/**
 * The signed-in user's role in the group on screen, from the session (which follows every grant,
 * change and removal through `session.changed`); null until the session is known or when the user
 * has no role in that group.
 */
export function useGroupRole(): Role | null {
  const groupNumber = useGroupStore((s) => s.groupNumber);
  return useStatusStore((s) => s.session?.groups.find((g) => g.groupNumber === groupNumber)?.role ?? null);
}

/**
 * Whether the UI offers an action needing `permission` in the current group. It only shapes the
 * screens: the core and the plan service check the same permission on every call. An unknown role
 * offers nothing, so a read-only user never sees an action flash up while the session loads.
 */
export function usePermission(permission: Permission): boolean {
  const role = useGroupRole();
  return role !== null && roleAllows(role, permission);
}
