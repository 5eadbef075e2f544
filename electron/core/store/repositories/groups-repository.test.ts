import { describe, expect, it } from 'vitest';
import { fixtureGroup, fixtureStore, fixtureToday } from '../../test-support/member-fixtures';
import { statement } from '../statements';
import { findGroup, listGroups, saveGroup } from './groups-repository';

describe('groups', () => {
  it('lists the groups the user holds a role in, with their covered members, role and balance', () => {
    const store = fixtureStore();
    const user = (login: string) => Number(statement(store.db, `INSERT INTO users (login, email, display_name, email_verified, created_at) VALUES (?, ?, ?, 1, 'now') RETURNING id`).pluck().get(login, `${login}@example.com`, login));
    const reader = user('reader');
    const stranger = user('stranger');
    statement(store.db, `INSERT INTO user_groups (user_id, group_number, role) VALUES (?, '4321', 'read_only')`).run(reader);
    expect(listGroups(store.db, fixtureToday, reader)).toEqual([
      { groupNumber: '4321', name: 'Fixture Fabrication LLC', region: 'Southwest Ohio', activeMembers: 4, role: 'read_only', balanceCents: null, balanceDueDate: null },
    ]);
    statement(store.db, `UPDATE groups SET balance_cents = 123456, balance_due_date = '2026-12-01'`).run();
    expect(listGroups(store.db, fixtureToday, reader)[0]).toMatchObject({ balanceCents: 123_456, balanceDueDate: '2026-12-01' });
    expect(listGroups(store.db, fixtureToday, stranger)).toEqual([]);
    expect(listGroups(store.db, fixtureToday, null)).toEqual([]);
  });

  it('reads a group back with policy, address and the rates in force today', () => {
    const store = fixtureStore();
    expect(findGroup(store.db, '4321', fixtureToday)).toEqual(fixtureGroup);
    const renewed = { ...fixtureGroup, plans: fixtureGroup.plans.map((p) => ({ ...p, rates: { ...p.rates, EMP: p.rates.EMP + 1000 } })) };
    store.db.transaction(() => saveGroup(store.db, renewed, '2027-01-01', 'now'))();
    expect(findGroup(store.db, '4321', fixtureToday)?.plans[0]?.rates.EMP).toBe(50_000);
    expect(findGroup(store.db, '4321', '2027-01-01')?.plans[0]?.rates.EMP).toBe(51_000);
    expect(findGroup(store.db, '9999', fixtureToday)).toBeNull();
  });

  it('keeps the plan’s contacts the plan sent with the group, for Help, and drops the ones it stops sending', () => {
    const store = fixtureStore();
    const contacts = { serviceTeam: { name: 'Employer Billing Desk', phone: '1-614-555-0199' }, accountSetupPhone: '1-614-555-0123' };
    store.db.transaction(() => saveGroup(store.db, { ...fixtureGroup, ...contacts }, '2026-01-01', 'now'))();
    expect(findGroup(store.db, '4321', fixtureToday)).toEqual({ ...fixtureGroup, ...contacts });
    store.db.transaction(() => saveGroup(store.db, fixtureGroup, '2026-01-01', 'later'))();
    expect(findGroup(store.db, '4321', fixtureToday)).toEqual(fixtureGroup);
  });
});
