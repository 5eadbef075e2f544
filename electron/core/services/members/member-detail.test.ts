import { describe, expect, it } from 'vitest';
import { fixtureStore, fixtureToday } from '../../test-support/member-fixtures';
import { findMemberDetail } from './member-detail';
import { memberSsnContext } from '../../store/members/member-ssn-context';

const store = fixtureStore();
const get = (memberId: string) => findMemberDetail(store.db, '4321', memberId, fixtureToday);

describe('members.get', () => {
  it('shows a subscriber with the SSN masked, coverage history and dependents', () => {
    const walter = get('432000001');
    expect(walter).toMatchObject({ firstName: 'Walter', ssn: '***-**-6789', hireDate: '2019-03-04', employmentStatus: 'FT', status: 'active', subscriber: null, version: 1 });
    expect(walter?.dependents.map((d) => d.firstName)).toEqual(['Aaron', 'Yves']);
    expect(walter?.address).toEqual({ line1: '2 Elm St', city: 'Dayton', state: 'OH', zip: '45402' });
    expect(JSON.stringify(walter)).not.toMatch(/12345|123-45/);
  });

  it('links a dependent to its subscriber and lists no dependents', () => {
    const aaron = get('432000001-01');
    expect(aaron?.subscriber?.memberId).toBe('432000001');
    expect(aaron?.dependents).toEqual([]);
    expect(aaron?.ssn).toBe('***-**-0001');
    expect(get('432000001-02')?.ssn).toBeNull();
  });

  it("tells where each dependent lives and who is linked to the employee's address", () => {
    const own = fixtureStore();
    own.db.prepare(`UPDATE members SET same_address_as_subscriber = 1 WHERE member_id = '432000001-01'`).run();
    const detail = (id: string) => findMemberDetail(own.db, '4321', id, fixtureToday);
    const home = { line1: '2 Elm St', city: 'Dayton', state: 'OH', zip: '45402' };
    expect(detail('432000001')?.dependentHomes).toEqual([
      { memberId: '432000001-01', address: home, sameAddressAsSubscriber: true },
      { memberId: '432000001-02', address: home, sameAddressAsSubscriber: false },
    ]);
    expect([detail('432000001-01')?.sameAddressAsSubscriber, detail('432000001-02')?.sameAddressAsSubscriber]).toEqual([true, false]);
    expect(detail('432000001-01')?.dependentHomes).toEqual([]);
  });

  it('returns the history oldest first with plan names', () => {
    expect(get('432000005')?.coverageHistory).toEqual([
      { planCode: 'PPO-A', planName: 'Alpha PPO', tier: 'EMP', startDate: '2021-01-01', endDate: '2023-12-31', reason: 'Initial enrollment', endReason: null },
      { planCode: 'HMO-Z', planName: 'Zeta HMO', tier: 'EMP', startDate: '2024-01-01', endDate: '2026-10-31', reason: 'Termination of employment', endReason: null },
    ]);
  });

  it('says why a period ended, in words without the 834 code the plan recorded', () => {
    const own = fixtureStore();
    own.db.prepare(`UPDATE coverage_periods SET end_reason = 'Retirement (INS04 04)' WHERE end_date = '2026-10-31'`).run();
    const history = findMemberDetail(own.db, '4321', '432000005', fixtureToday)?.coverageHistory;
    expect(history?.map((p) => p.endReason)).toEqual([null, 'Retirement']);
  });

  it('finds nobody for a hidden member, an unknown ID or the wrong group', () => {
    expect(get('432000004')).toBeNull();
    expect(get('432999999')).toBeNull();
    expect(findMemberDetail(store.db, '9999', '432000001', fixtureToday)).toBeNull();
  });

  it('keeps the whole SSN only encrypted at rest', () => {
    const row = store.db.prepare(`SELECT ssn_encrypted, ssn_last4 FROM members WHERE member_id = '432000001'`).get() as { ssn_encrypted: Buffer; ssn_last4: string };
    expect(row.ssn_last4).toBe('6789');
    expect(row.ssn_encrypted.includes(Buffer.from('412556789'))).toBe(false);
    expect(store.cipher.decrypt(row.ssn_encrypted, memberSsnContext('432000001'))).toBe('412556789');
  });
});
