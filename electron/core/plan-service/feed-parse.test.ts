import { describe, expect, it } from 'vitest';
import { parseChangesPage } from './feed-parse';

const member = {
  memberId: '123456789',
  groupNumber: '4321',
  subscriberId: '123456789',
  relationship: 'subscriber',
  firstName: 'Ann',
  middleName: null,
  lastName: 'Lee',
  suffix: null,
  dateOfBirth: '1980-01-02',
  gender: 'F',
  ssn: '***-**-1234',
  address: { line1: '1 Main St', city: 'Dayton', state: 'OH', zip: '45402' },
  phone: null,
  email: null,
  hireDate: '2010-01-01',
  employmentStatus: 'FT',
  disabled: false,
  version: 1,
  updatedAt: '2026-11-27T10:00:00.000Z',
};
const coverage = { id: 7, memberId: '123456789', planCode: 'PPO-500', tier: 'EMP', startDate: '2020-01-01', endDate: null, reason: 'Initial enrollment', endReason: null };
const entry = (seq: number, entity: string, payload: unknown, entityId = '123456789') => ({ seq, entity, entityId, op: 'upsert', committedAt: '2026-11-27T10:00:00.000Z', payload });
const page = (changes: unknown[]) => JSON.stringify({ groupNumber: '4321', changes, nextAfter: changes.length, headSeq: 9, hasMore: true });

describe('reading a change feed page', () => {
  it('accepts members, coverage and the other entities of the feed', () => {
    const parsed = parseChangesPage(page([entry(1, 'member', member), entry(2, 'coverage', coverage, '7'), entry(3, 'user', { userId: 'someone', role: 'admin' }, 'someone')]), '4321');
    expect(parsed).toMatchObject({ groupNumber: '4321', nextAfter: 3, headSeq: 9, hasMore: true });
    expect(parsed.changes.map((c) => c.entity)).toEqual(['member', 'coverage', 'user']);
  });

  it('refuses what the API never sends: a whole SSN, a bad date, an unknown tier, another group, entries out of order', () => {
    expect(() => parseChangesPage(page([entry(1, 'member', { ...member, ssn: '123456789' })]), '4321')).toThrow(/payload.ssn/);
    expect(() => parseChangesPage(page([entry(1, 'member', { ...member, dateOfBirth: '1980-13-02' })]), '4321')).toThrow(/dateOfBirth/);
    expect(() => parseChangesPage(page([entry(1, 'coverage', { ...coverage, tier: 'XYZ' }, '7')]), '4321')).toThrow(/tier/);
    expect(() => parseChangesPage(page([entry(1, 'member', member)]), '9999')).toThrow(/another group/);
    expect(() => parseChangesPage(page([entry(2, 'member', member), entry(1, 'member', member)]), '4321')).toThrow(/out of order/);
    expect(() => parseChangesPage(page([entry(1, 'transaction', { nope: true }, 'TX')]), '4321')).toThrow(/changes.0/);
  });
});
