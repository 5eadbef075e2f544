import { describe, expect, it } from 'vitest';
import { changeEntry, fedInvoiceLine } from '@shared/plan-api/changes';
import { coverageSnapshot, memberSnapshot } from '@shared/plan-api/members';
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
  employeeClass: null,
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
    expect(() => parseChangesPage(page([entry(1, 'member', { ...member, ssn: '412556789' })]), '4321')).toThrow(/payload.ssn/);
    expect(() => parseChangesPage(page([entry(1, 'member', { ...member, dateOfBirth: '1980-13-02' })]), '4321')).toThrow(/dateOfBirth/);
    expect(() => parseChangesPage(page([entry(1, 'coverage', { ...coverage, tier: 'XYZ' }, '7')]), '4321')).toThrow(/tier/);
    expect(() => parseChangesPage(page([entry(1, 'member', member)]), '9999')).toThrow(/another group/);
    expect(() => parseChangesPage(page([entry(2, 'member', member), entry(1, 'member', member)]), '4321')).toThrow(/out of order/);
    expect(() => parseChangesPage(page([entry(1, 'transaction', { nope: true }, 'TX')]), '4321')).toThrow(/changes.0/);
  });

  it("reads the group's member count a first page tells, and refuses one that is not a count", () => {
    const withTotal = (memberTotal: unknown) => JSON.stringify({ ...(JSON.parse(page([entry(1, 'member', member)])) as object), memberTotal });
    expect(parseChangesPage(withTotal(250_000), '4321').memberTotal).toBe(250_000);
    expect(parseChangesPage(page([entry(1, 'member', member)]), '4321').memberTotal).toBeUndefined();
    expect(() => parseChangesPage(withTotal(-1), '4321')).toThrow(/memberTotal/);
    expect(() => parseChangesPage(withTotal('250000'), '4321')).toThrow(/memberTotal/);
  });
});

const accepts = (change: unknown): boolean => {
  try {
    parseChangesPage(page([change]), '4321');
    return true;
  } catch {
    return false;
  }
};
const withField = (value: Record<string, unknown>, field: string, to: unknown) => {
  const changed: Record<string, unknown> = { ...value, [field]: to };
  if (to === undefined) delete changed[field];
  return changed;
};
const describeValue = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value));

/** Values of every kind, tried in every field: a field the reader forgets to check shows up here. */
const anyField = [undefined, null, 42, 1.5, true, '', {}];

const validMembers: [string, Record<string, unknown>][] = [
  ['a subscriber with every field given', { ...member, middleName: 'Q', suffix: 'Jr.', phone: '(555) 123-4567', email: 'ann.lee@example.com', employeeClass: 'Union Local 12', address: { ...member.address, line2: 'Apt 4' } }],
  ['a disabled child with what dependents leave empty', { ...member, memberId: '123456789-01', relationship: 'child', dateOfBirth: '2024-02-29', ssn: null, hireDate: null, employmentStatus: null, employeeClass: null, disabled: true, updatedAt: '2026-11-27T10:00:00Z' }],
];
const brokenMembers: [string, unknown[]][] = [
  ['memberId', ['12345678', '123456789-1', 123456789]],
  ['groupNumber', ['432', '4321a', 4321]],
  ['subscriberId', ['123456789-01x']],
  ['relationship', ['cousin', 'Subscriber']],
  ['firstName', [7]],
  ['dateOfBirth', ['1980-02-30', '2023-02-29', '1980-13-02', '1980-1-02', '02/01/1980']],
  ['gender', ['X', 'f']],
  ['ssn', ['412-55-6789', '412556789', '***-**-12345']],
  ['address', [
    { line1: '1 Main St', state: 'OH', zip: '45402' },
    { ...member.address, state: 'Ohio' },
    { ...member.address, zip: '4540' },
    { ...member.address, line1: '   ' },
    { ...member.address, line1: 'x'.repeat(56) },
    { ...member.address, city: 'x'.repeat(31) },
    { ...member.address, line2: null },
  ]],
  ['phone', ['call me', '12']],
  ['email', ['not-an-email', 'ann@example']],
  ['hireDate', ['2010-02-30']],
  ['employmentStatus', ['FTE', 'ft']],
  ['employeeClass', [12]],
  ['disabled', ['no', 0]],
  ['version', [0, -1]],
  ['updatedAt', ['2026-11-27T10:00:00+02:00', '2026-11-27', '2026-11-27T25:00:00Z']],
];

const validCoverage: [string, Record<string, unknown>][] = [
  ['open-ended coverage', coverage],
  ['ended coverage', { ...coverage, memberId: '123456789-02', endDate: '2024-02-29', endReason: 'Termination of employment' }],
];
const brokenCoverage: [string, unknown[]][] = [
  ['id', [0, '7']],
  ['memberId', ['12345']],
  ['planCode', ['ppo-500', 'P', 'PPO_500']],
  ['tier', ['XYZ', 'emp']],
  ['startDate', ['2020-02-30', '2020-1-01']],
  ['endDate', ['2020-13-01']],
  ['reason', [5]],
];

const line = { invoiceNumber: 'INV-1', memberId: '123456789', memberName: 'Ann Q Lee', planCode: 'PPO-500', tier: 'EMP', amountCents: 52_000 };
const validLines: [string, Record<string, unknown>][] = [
  ['a line with the name as billed', line],
  ['a line appended before names were sent', withField(line, 'memberName', undefined)],
  ['a credit', { ...line, amountCents: -100 }],
];
const brokenLines: [string, unknown[]][] = [
  ['memberId', ['12345']],
  ['memberName', [null, 7]],
  ['planCode', ['ppo-500']],
  ['tier', ['XYZ']],
  ['amountCents', [1.5, '100', 2 ** 53]],
];

/** Every valid fixture, each broken in one field (named, then every field with values of every kind). */
function fixtures(valid: [string, Record<string, unknown>][], broken: [string, unknown[]][], fields: string[]) {
  const base = valid[0]?.[1] ?? {};
  // `valid` null: only the agreement matters (null, say, is right for some fields and wrong for others).
  return [
    ...valid.map(([name, value]) => ({ name, value, valid: true as boolean | null })),
    ...broken.flatMap(([field, values]) => values.map((to) => ({ name: `${field} ${describeValue(to)}`, value: withField(base, field, to), valid: false as boolean | null }))),
    ...fields.flatMap((field) => anyField.map((to) => ({ name: `any kind: ${field} ${describeValue(to)}`, value: withField(base, field, to), valid: null as boolean | null }))),
  ];
}

describe('the feed reader and the zod schemas give the same verdicts', () => {
  const members = fixtures(validMembers, brokenMembers, Object.keys(memberSnapshot.shape));
  it.each(members)('member: $name', ({ value, valid }) => {
    const schema = memberSnapshot.safeParse(value).success;
    expect(accepts(entry(1, 'member', value))).toBe(schema);
    if (valid !== null) expect(schema).toBe(valid);
  });

  const coverages = fixtures(validCoverage, brokenCoverage, Object.keys(coverageSnapshot.shape));
  it.each(coverages)('coverage: $name', ({ value, valid }) => {
    const schema = coverageSnapshot.safeParse(value).success;
    expect(accepts(entry(1, 'coverage', value, '7'))).toBe(schema);
    if (valid !== null) expect(schema).toBe(valid);
  });

  const lines = fixtures(validLines, brokenLines, Object.keys(fedInvoiceLine.shape));
  it.each(lines)('invoice line: $name', ({ value, valid }) => {
    const schema = fedInvoiceLine.safeParse(value).success;
    expect(accepts(entry(1, 'invoice_line', value, 'INV-1/123456789'))).toBe(schema);
    if (valid !== null) expect(schema).toBe(valid);
  });

  const entries: [string, Record<string, unknown>, boolean][] = [
    ['a commit time with an offset', { ...entry(1, 'member', member), committedAt: '2026-11-27T12:00:00.5+02:00' }, true],
    ['a commit time without seconds or zone', { ...entry(1, 'member', member), committedAt: '2026-11-27 10:00' }, false],
    ['sequence 0', entry(0, 'coverage', coverage, '7'), false],
    ['a fractional sequence', entry(1.5, 'coverage', coverage, '7'), false],
    ['a numeric entity ID', entry(1, 'coverage', coverage, 7 as unknown as string), false],
    ['a delete of a member', { ...entry(1, 'member', member), op: 'delete' }, false],
  ];
  it.each(entries)('entry: %s', (_name, change, valid) => {
    expect(changeEntry.safeParse(change).success).toBe(valid);
    expect(accepts(change)).toBe(valid);
  });
});
