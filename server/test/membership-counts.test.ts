import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberStatusOn, coverageSpan } from '@shared/domain/member-status';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { GroupCounts, MemberList, MemberView } from '@shared/plan-api/members';
import { addMonths, firstOfMonth, firstOfNextMonth } from '@shared/util/dates';
import { backends } from '../test-support/backends';
import { enrollment, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

describe.each(backends())('membership counts (%s)', (backend) => {
  let f: EligibilityFixture;
  beforeAll(async () => {
    f = await startEligibilityService(backend);
  });
  afterAll(async () => f?.service.close());

  it('equal the members, by status, plan, tier and relationship, and follow each write', async () => {
    const spouse = { relationship: 'spouse' as const, firstName: 'Sam', lastName: 'Reyes', dateOfBirth: '1980-01-01', gender: 'M' as const };
    const kid = { relationship: 'child' as const, firstName: 'Noa', lastName: 'Reyes', dateOfBirth: '2018-05-05', gender: 'U' as const };
    const lastMonth = addMonths(firstOfMonth(f.today), -1);
    await f.post(path('/enrollments'), enrollment(f.today, { effectiveDate: lastMonth, dependents: [spouse, kid] }));
    await f.post(path('/enrollments'), enrollment(f.today, { planCode: 'HMO-250', dependents: [kid] }));
    await f.post(path('/enrollments'), enrollment(f.today, { effectiveDate: firstOfNextMonth(f.today) }));
    // Terminated last month: ended before today.
    const gone = (await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today, { effectiveDate: addMonths(lastMonth, -1), dependents: [spouse] }))).body;
    await f.post(path('/terminations'), { memberId: gone.memberIds[0], reason: 'quit', requestedDate: lastMonth, expectedVersion: 1 });

    const counts = (await f.get<GroupCounts>(path('/counts'))).body;
    const members = (await f.get<MemberList>(path('/members?limit=1000'))).body.members;
    expect(members).toHaveLength(8);
    // Status per member as the shared rule computes it, which the counts' SQL must agree with.
    const statusOf = (m: MemberView) => {
      const span = coverageSpan(m.coverage);
      return memberStatusOn(span.effectiveDate, span.terminationDate, f.today);
    };
    for (const m of members) expect(m.status).toBe(statusOf(m));
    const tally = (list: MemberView[]) => ({
      subscribers: list.filter((m) => m.relationship === 'subscriber').length,
      dependents: list.filter((m) => m.relationship !== 'subscriber').length,
      total: list.length,
    });
    expect(counts.active).toEqual(tally(members.filter((m) => m.status === 'active')));
    expect(counts.pending).toEqual(tally(members.filter((m) => m.status === 'pending')));
    expect(counts.terminated).toEqual(tally(members.filter((m) => m.status === 'terminated')));
    expect(counts.active).toEqual({ subscribers: 2, dependents: 3, total: 5 });
    const active = members.filter((m) => m.status === 'active');
    expect(counts.byPlan).toEqual([
      { planCode: 'HMO-250', planName: 'HMO 250', ...tally(active.filter((m) => m.coverage.at(-1)?.planCode === 'HMO-250')) },
      { planCode: 'PPO-500', planName: 'PPO 500', ...tally(active.filter((m) => m.coverage.at(-1)?.planCode === 'PPO-500')) },
    ]);
    expect(counts.byTier.find((t) => t.tier === 'FAM')).toEqual({ tier: 'FAM', subscribers: 1, members: 3 });
    expect(counts.byTier.find((t) => t.tier === 'ECH')).toEqual({ tier: 'ECH', subscribers: 1, members: 2 });
    expect(counts.byRelationship.find((r) => r.relationship === 'child')).toEqual({ relationship: 'child', members: 2 });

    const filtered = (await f.get<MemberList>(path('/members?status=pending'))).body;
    expect(filtered.total).toBe(counts.pending.total);

    await f.post(path('/enrollments'), enrollment(f.today));
    const after = (await f.get<GroupCounts>(path('/counts'))).body;
    expect(after.active.subscribers).toBe(counts.active.subscribers + 1);
  });
});
