import { describe, expect, it } from 'vitest';
import { fixtureGroup, fixtureStore, fixtureToday } from '../../test-support/member-fixtures';
import { findGroup, listGroups, saveGroup } from './groups-repository';

describe('groups', () => {
  it('lists the groups on this computer with their covered members', () => {
    const store = fixtureStore();
    expect(listGroups(store.db, fixtureToday)).toEqual([{ groupNumber: '4321', name: 'Fixture Fabrication LLC', region: 'Southwest Ohio', activeMembers: 4 }]);
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
});
