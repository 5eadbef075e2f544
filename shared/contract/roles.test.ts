import { describe, expect, it } from 'vitest';
import { roleAllows, roleGrants, roles } from './roles';

describe('role grants', () => {
  it.each([
    ['primary_admin', ['members.read', 'members.write', 'billing.read', 'billing.write', 'users.manage']],
    ['admin', ['members.read', 'members.write', 'billing.read']],
    ['billing', ['billing.read', 'billing.write']],
    ['read_only', ['members.read', 'billing.read']],
  ] as const)('%s may %j', (role, granted) => {
    expect(roleGrants(role)).toEqual(granted);
  });

  it('never lets a billing user read members: a held invoice is all it takes to become one', () => {
    expect(roleAllows('billing', 'members.read')).toBe(false);
    expect(roleAllows('billing', 'members.write')).toBe(false);
    expect(roleAllows('billing', 'billing.read')).toBe(true);
  });

  it('lets every role do what needs only a role in the group', () => {
    for (const role of roles) expect(roleAllows(role, 'none')).toBe(true);
  });
});
