import { describe, expect, it } from 'vitest';
import { fixtureStore } from '../../test-support/member-fixtures';
import { statement } from '../statements';
import { readPlanContacts, savePlanContacts } from './settings-repository';

const updatedAt = (store: ReturnType<typeof fixtureStore>) => statement(store.db, "SELECT updated_at FROM settings WHERE key = 'planContacts'").pluck().get();

describe('plan contacts', () => {
  const contacts = { serviceTeam: { name: 'Group Billing', phone: '800-555-0100' }, accountSetupPhone: '800-555-0111' };

  it('keeps what the plan sent per group, and rewrites the row only when the contacts changed', () => {
    const store = fixtureStore();
    savePlanContacts(store.db, '4321', contacts, '2026-12-01T10:00:00.000Z');
    // Every refresh of the group sends the same contacts again: the row, and its time, stay.
    savePlanContacts(store.db, '4321', { accountSetupPhone: '800-555-0111', serviceTeam: { phone: '800-555-0100', name: 'Group Billing' } }, '2026-12-02T10:00:00.000Z');
    expect(updatedAt(store)).toBe('2026-12-01T10:00:00.000Z');
    savePlanContacts(store.db, '4321', { serviceTeam: contacts.serviceTeam }, '2026-12-03T10:00:00.000Z');
    expect(updatedAt(store)).toBe('2026-12-03T10:00:00.000Z');
    expect(readPlanContacts(store.db, '4321')).toEqual({ serviceTeam: contacts.serviceTeam });
    savePlanContacts(store.db, '9999', {}, '2026-12-04T10:00:00.000Z');
    expect(updatedAt(store)).toBe('2026-12-04T10:00:00.000Z');
    expect(readPlanContacts(store.db, '9999')).toEqual({});
  });
});
