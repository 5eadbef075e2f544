import type { ContractError, MethodName } from '@shared/contract';
import { contract } from '@shared/contract';
import { roleAllows, roleLabels, type Role } from '@shared/contract/roles';

/** What a method needs in words, for the refusal. */
const needs: Record<string, string> = {
  'members.read': 'see members',
  'members.write': 'change members',
  'billing.read': 'see invoices',
  'billing.write': 'pay invoices',
  'users.manage': 'manage users',
  none: 'use this group',
};

/**
 * The desktop's check of a method's permission (shared/contract/define.ts) against the acting
 * user's role in the group the input names; the plan service checks again on its own. A method
 * whose input names no group, or a group that is not on this computer (its handler answers
 * NOT_FOUND), is not checked here. `roleIn` answers `no_user` when nobody is signed in.
 */
export function checkGroupPermission(method: MethodName, input: unknown, roleIn: (groupNumber: string) => Role | 'no_user' | null | undefined): ContractError | null {
  if (typeof input !== 'object' || input === null || !('groupNumber' in input) || typeof input.groupNumber !== 'string') return null;
  const groupNumber = input.groupNumber;
  const role = roleIn(groupNumber);
  // undefined: the group is not in the replica.
  if (role === undefined) return null;
  const permission = contract[method].permission;
  if (role === 'no_user') return { code: 'AUTH', message: `Sign in to the plan service to ${needs[permission] ?? 'use this group'} in group ${groupNumber}.` };
  if (role === null) return { code: 'FORBIDDEN', message: `You have no access to group ${groupNumber}. A primary administrator of the group can give you a role.` };
  if (roleAllows(role, permission)) return null;
  return {
    code: 'FORBIDDEN',
    message: `Your role in group ${groupNumber} (${roleLabels[role]}) does not allow you to ${needs[permission] ?? permission}. A primary administrator of the group can change your role.`,
  };
}
