import { describe, expect, it } from 'vitest';
import { addressInput, group as groupSchema } from '../contract/schemas/group';
import { deriveCoverageTier } from '../domain/coverage-tier';
import { isWithinDependentAge } from '../domain/dependent-age';
import { validateFamilyComposition } from '../domain/family-composition';
import { isVisible, memberStatusOn } from '../domain/member-status';
import { isChildRelationship } from '../domain/relationships';
import { ssnProblem } from '../domain/ssn-validity';
import { terminationReasons } from '../domain/termination-reasons';
import { firstEligibleEffectiveDate } from '../domain/waiting-period';
import { zipStateProblem } from '../domain/zip-state';
import { addDays, ageOn, compareDates } from '../util/dates';
import { generateMembers, generateSandbox } from './generator';
import { memberRecordSchema } from './test-support/member-record-schema';
import { centralOhio, nationwide, westernPennsylvania } from './places';
import { sandboxGroupDefinitions } from './sandbox-groups';
import type { MemberRecord } from './types';

const today = '2026-11-27';
const sandbox = generateSandbox({ today });
const allMembers = sandbox.groups.flatMap((g) => g.members);

/** A larger sample of the demo group, for proportions. */
const demo = sandboxGroupDefinitions[0];
if (!demo) throw new Error('The sandbox defines the demo group first');
const sample = [
  ...generateMembers({ seed: 7, today, groupNumber: demo.group.groupNumber, plans: demo.group.plans, policy: demo.group.policy, subscribers: 20_000 }),
];

function families(members: readonly MemberRecord[]): MemberRecord[][] {
  const result: MemberRecord[][] = [];
  for (const m of members) {
    if (m.relationship === 'subscriber') result.push([m]);
    else result[result.length - 1]?.push(m);
  }
  return result;
}

const first = (m: MemberRecord) => m.coverage[0] as MemberRecord['coverage'][number];
const last = (m: MemberRecord) => m.coverage[m.coverage.length - 1] as MemberRecord['coverage'][number];
const statusOf = (m: MemberRecord, on = today) => memberStatusOn(first(m).startDate, last(m).endDate, on);
const coveredOn = (m: MemberRecord, day: string) =>
  m.coverage.some((c) => compareDates(c.startDate, day) <= 0 && (c.endDate === null || compareDates(day, c.endDate) <= 0));
const share = (part: number, whole: number) => part / whole;

describe('generateSandbox', () => {
  it('is the same for the same seed and day, and different for another seed', () => {
    expect(generateSandbox({ today })).toEqual(sandbox);
    expect(generateSandbox({ seed: 1, today })).not.toEqual(sandbox);
    expect(generateSandbox({ seed: 1, today })).toEqual(generateSandbox({ seed: 1, today }));
  });

  it.each([
    ['100234', 300, 4, 550, 900],
    ['100871', 40, 2, 60, 130],
  ])('group %s has %i subscribers on %i plans and %i–%i members', (groupNumber, subscribers, plans, min, max) => {
    const g = sandbox.groups.find((x) => x.group.groupNumber === groupNumber);
    expect(g?.group.plans).toHaveLength(plans);
    expect(g?.members.filter((m) => m.relationship === 'subscriber')).toHaveLength(subscribers);
    expect(g?.members.length).toBeGreaterThanOrEqual(min);
    expect(g?.members.length).toBeLessThanOrEqual(max);
  });

  it('every group validates against the contract schema', () => {
    for (const g of sandbox.groups) expect(groupSchema.parse(g.group)).toEqual(g.group);
  });

  it('every member validates against the member record schema', () => {
    for (const m of [...allMembers, ...sample.slice(0, 5000)]) {
      const parsed = memberRecordSchema.safeParse(m);
      expect(parsed.success ? null : { memberId: m.memberId, issues: parsed.error.issues }).toBeNull();
    }
  });

  it('uses only plans of its own group', () => {
    for (const g of sandbox.groups) {
      const codes = new Set(g.group.plans.map((p) => p.code));
      expect(g.members.every((m) => m.coverage.every((c) => codes.has(c.planCode)))).toBe(true);
    }
  });
});

describe('identifiers', () => {
  it('member IDs are unique, dependents numbered after their subscriber', () => {
    const ids = allMembers.map((m) => m.memberId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const family of families(allMembers)) {
      const [subscriber, ...dependents] = family as [MemberRecord, ...MemberRecord[]];
      expect(subscriber.memberId).toMatch(/^\d{9}$/);
      expect(subscriber.subscriberId).toBe(subscriber.memberId);
      dependents.forEach((d, i) => {
        expect(d.memberId).toBe(`${subscriber.memberId}-${String(i + 1).padStart(2, '0')}`);
        expect(d.subscriberId).toBe(subscriber.memberId);
      });
    }
  });

  it('SSNs pass the identity rules typed ones do, are unique, and are missing only for some dependents', () => {
    const ssns = allMembers.flatMap((m) => (m.ssn === null ? [] : [m.ssn]));
    expect(ssns.filter((s) => ssnProblem(s) !== null)).toEqual([]);
    expect(new Set(ssns).size).toBe(ssns.length);
    const missing = allMembers.filter((m) => m.ssn === null);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((m) => m.relationship !== 'subscriber')).toBe(true);
  });

  it("addresses' ZIP codes belong to their states, in every place the generator draws from and in the groups", () => {
    const places = [...centralOhio, ...westernPennsylvania, ...nationwide];
    expect(places.filter((p) => zipStateProblem(p.zip, p.state) !== null)).toEqual([]);
    const addresses = [...allMembers.map((m) => m.address), ...sandbox.groups.map((g) => g.group.address)];
    expect(addresses.filter((a) => !addressInput.safeParse(a).success)).toEqual([]);
  });

  it('names include apostrophes, hyphens and letters beyond ASCII', () => {
    const names = allMembers.flatMap((m) => [m.firstName, m.lastName]);
    expect(names.some((n) => n.includes("'"))).toBe(true);
    expect(names.some((n) => n.includes('-'))).toBe(true);
    expect(names.some((n) => /[^\x20-\x7e]/.test(n))).toBe(true);
    expect(new Set(sample.map((m) => m.lastName)).size).toBeGreaterThan(300);
  });
});

describe('proportions (20,000 subscribers)', () => {
  const sampleFamilies = families(sample);
  const n = sampleFamilies.length;
  const composition = (family: MemberRecord[]) => deriveCoverageTier(family.map((m) => m.relationship));

  it.each([
    ['EMP', 0.45],
    ['ESP', 0.15],
    ['ECH', 0.1],
    ['FAM', 0.3],
  ] as const)('about %s: %f of families', (tier, expected) => {
    expect(Math.abs(share(sampleFamilies.filter((f) => composition(f) === tier).length, n) - expected)).toBeLessThan(0.015);
  });

  it('about 8 % terminated, 3 % pending, some plan changes', () => {
    const subscribers = sampleFamilies.map((f) => f[0] as MemberRecord);
    const ended = share(subscribers.filter((s) => last(s).endDate !== null).length, n);
    const pending = share(subscribers.filter((s) => statusOf(s) === 'pending').length, n);
    const changed = share(subscribers.filter((s) => new Set(s.coverage.map((c) => c.planCode)).size > 1).length, n);
    expect(ended).toBeGreaterThan(0.07);
    expect(ended).toBeLessThan(0.09);
    expect(pending).toBeGreaterThan(0.025);
    expect(pending).toBeLessThan(0.035);
    expect(changed).toBeGreaterThan(0.05);
    expect(changed).toBeLessThan(0.13);
  });

  it('about 2.4 members per subscriber', () => {
    expect(sample.length / n).toBeGreaterThan(2.2);
    expect(sample.length / n).toBeLessThan(2.6);
  });

  it('ages: subscribers 21–66, partners adults, covered children under the limit', () => {
    for (const m of sample) {
      const age = ageOn(m.dateOfBirth, today);
      if (m.relationship === 'subscriber') {
        expect(age).toBeGreaterThanOrEqual(21);
        expect(age).toBeLessThanOrEqual(66);
      } else if (!isChildRelationship(m.relationship)) {
        expect(age).toBeGreaterThanOrEqual(19);
      } else if (statusOf(m) !== 'terminated') {
        // 45 CFR 147.120: a child who turned 26 this month is still covered to its end.
        expect(age).toBeLessThanOrEqual(26);
      }
    }
  });
});

describe('eligibility rules hold for every family', () => {
  const all = [...allMembers, ...sample];
  const policy = demo.group.policy;

  it('children are within the age limit on every day they are covered (start, end, today)', () => {
    for (const m of all.filter((x) => isChildRelationship(x.relationship))) {
      for (const day of [first(m).startDate, last(m).endDate ?? today]) {
        expect({ id: m.memberId, day, ok: isWithinDependentAge(m, day, policy) }).toEqual({ id: m.memberId, day, ok: true });
      }
    }
  });

  it('every coverage period carries the tier derived from who was enrolled on its first day', () => {
    for (const family of families(all)) {
      for (const member of family) {
        for (const period of member.coverage) {
          const enrolled = family.filter((m) => coveredOn(m, period.startDate)).map((m) => m.relationship);
          expect({ id: member.memberId, start: period.startDate, tier: period.tier }).toEqual({
            id: member.memberId,
            start: period.startDate,
            tier: deriveCoverageTier(enrolled),
          });
        }
      }
    }
  });

  it('families have one subscriber and at most one partner enrolled on any day', () => {
    for (const family of families(all)) {
      for (const day of new Set(family.flatMap((m) => m.coverage.map((c) => c.startDate)))) {
        expect(validateFamilyComposition(family.filter((m) => coveredOn(m, day)).map((m) => m.relationship)).ok).toBe(true);
      }
    }
  });

  it('coverage periods are contiguous and dependents never outlast their subscriber', () => {
    for (const family of families(all)) {
      const subscriber = family[0] as MemberRecord;
      for (const m of family) {
        m.coverage.forEach((c, i) => {
          const next = m.coverage[i + 1];
          if (next) expect(next.startDate).toBe(addDays(c.endDate ?? '9999-12-31', 1));
          if (c.endDate !== null) expect(compareDates(c.startDate, c.endDate)).toBeLessThanOrEqual(0);
        });
        const subscriberEnd = last(subscriber).endDate;
        if (subscriberEnd !== null) expect(compareDates(last(m).endDate ?? '9999-12-31', subscriberEnd)).toBeLessThanOrEqual(0);
        expect(compareDates(first(m).startDate, first(subscriber).startDate)).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('subscribers start no earlier than the waiting period allows; pending ones exactly then', () => {
    for (const g of sandbox.groups) {
      for (const family of families(g.members)) {
        const s = family[0] as MemberRecord;
        if (s.hireDate === null) throw new Error(`No hire date for ${s.memberId}`);
        const eligible = firstEligibleEffectiveDate(s.hireDate, g.group.policy);
        expect(compareDates(first(s).startDate, eligible)).toBeGreaterThanOrEqual(0);
        if (statusOf(s) === 'pending') expect(first(s).startDate).toBe(eligible);
      }
    }
  });

  it('terminated members have an end-dated last period with a termination reason, within two years', () => {
    const labels = new Set(terminationReasons.map((r) => r.label));
    const terminated = all.filter((m) => statusOf(m) === 'terminated');
    expect(terminated.length).toBeGreaterThan(0);
    for (const m of terminated) {
      expect(last(m).endDate).not.toBeNull();
      expect(labels.has(last(m).reason)).toBe(true);
      expect(isVisible(last(m).endDate, today)).toBe(true);
    }
    const reasons = new Set(terminated.map((m) => last(m).reason));
    expect(reasons).toContain('Termination of employment');
    expect(reasons).toContain('Divorce');
    expect(reasons).toContain('No longer an eligible dependent (age limit)');
  });

  it('history holds no future changes: only a pending member has a period starting after today', () => {
    for (const m of all) {
      const future = m.coverage.filter((c) => compareDates(c.startDate, today) > 0);
      if (future.length > 0) expect({ id: m.memberId, periods: m.coverage.length, status: statusOf(m) }).toEqual({ id: m.memberId, periods: 1, status: 'pending' });
    }
  });

  it('children born after enrollment are covered from birth', () => {
    const newborns = all.filter((m) => first(m).reason === 'Birth');
    expect(newborns.length).toBeGreaterThan(0);
    for (const m of newborns) expect(first(m).startDate).toBe(m.dateOfBirth);
  });
});

describe('generateMembers', () => {
  it('streams: the first family comes without generating the rest', () => {
    const stream = generateMembers({ seed: 1, today, groupNumber: '4242', plans: demo.group.plans, subscribers: 1_000_000 });
    const head = stream.next();
    expect(head.done).toBe(false);
    expect(head.value?.relationship).toBe('subscriber');
  });

  it.each([
    [{ groupNumber: '12' }, 'group number'],
    [{ plans: [] }, 'at least one plan'],
    [{ subscribers: -1 }, 'Subscribers'],
    [{ subscribers: 1_000_001 }, 'Subscribers'],
  ])('refuses %j', (override, message) => {
    const options = { seed: 1, today, groupNumber: '4242', plans: demo.group.plans, subscribers: 1, ...override };
    expect(() => generateMembers(options)).toThrow(message);
  });
});
