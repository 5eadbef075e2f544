import { describe, expect, it } from 'vitest';
import { checkGroupPermission } from './group-permission';

describe('group permission', () => {
  it('lets a role do what the role grid grants, in the group the input names', () => {
    expect(checkGroupPermission('members.list', { groupNumber: '4321' }, () => 'read_only')).toBeNull();
    expect(checkGroupPermission('transactions.submit', { groupNumber: '4321' }, () => 'admin')).toBeNull();
    expect(checkGroupPermission('transactions.submit', { groupNumber: '4321' }, () => 'billing')).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('(Billing) does not allow you to change members') });
  });

  it('answers AUTH with nobody signed in, FORBIDDEN without a role, and leaves other methods and unknown groups to their handlers', () => {
    expect(checkGroupPermission('members.get', { groupNumber: '4321', memberId: '123456789' }, () => 'no_user')).toMatchObject({ code: 'AUTH' });
    expect(checkGroupPermission('members.list', { groupNumber: '4321' }, () => null)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('no access to group 4321') });
    expect(checkGroupPermission('members.list', { groupNumber: '4321' }, () => undefined)).toBeNull();
    expect(checkGroupPermission('groups.list', {}, () => 'no_user')).toBeNull();
  });
});
