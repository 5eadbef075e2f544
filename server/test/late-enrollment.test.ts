import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollRequest, TransactionAccepted } from '@shared/plan-api/eligibility';
import { addDays, firstOfNextMonth } from '@shared/util/dates';
import { backends } from '../test-support/backends';
import { enrollment, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

type Err = { code: string; message: string; fields?: Record<string, string> };

/**
 * An employee hired long ago enrolls only for a qualifying event or in open enrollment. The test
 * clock reads 2026-11-27: inside the group's open enrollment (Nov 1–30) for the plan year of 2027.
 */
describe.each(backends())('late enrollment (%s)', (backend) => {
  let f: EligibilityFixture;
  beforeAll(async () => {
    f = await startEligibilityService(backend);
  });
  afterAll(async () => f?.service.close());

  const lateHire = (overrides: Partial<EnrollRequest>): EnrollRequest => {
    const base = enrollment(f.today, overrides);
    return { ...base, subscriber: { ...base.subscriber, hireDate: '2025-01-06' } };
  };

  it('refuses an employee hired in January 2025 enrolled as a new hire, saying what to do', async () => {
    const res = await f.post(path('/enrollments'), lateHire({ effectiveDate: '2026-12-01' }));
    expect(res.status).toBe(422);
    const body = res.body as unknown as Err;
    expect(body.code).toBe('RULE');
    expect(body.message).toBe(
      'Hired on 2025-01-06: the first enrollment window closed on 2025-08-04. Enroll for a qualifying event, or during open enrollment (open now until 2026-11-30, for coverage from 2027-01-01).',
    );
    expect(body.fields).toEqual({ enrollmentReason: body.message });
  });

  it('refuses a special enrollment whose event is past its window', async () => {
    const res = await f.post(path('/enrollments'), lateHire({ enrollmentReason: 'special', event: { kind: 'marriage', date: addDays(f.today, -31) }, effectiveDate: firstOfNextMonth(f.today) }));
    expect(res.status).toBe(422);
    expect((res.body as unknown as Err).fields?.['event.date']).toMatch(/^Marriage on \d{4}-\d{2}-\d{2} was more than 30 days ago/);
  });

  it('accepts the same employee for a loss of other coverage, from the 1st of next month', async () => {
    const res = await f.post<TransactionAccepted>(
      path('/enrollments'),
      lateHire({ enrollmentReason: 'special', event: { kind: 'loss_of_other_coverage', date: addDays(f.today, -10) }, effectiveDate: firstOfNextMonth(f.today) }),
    );
    expect(res.status).toBe(201);
    expect(res.body.members[0]?.coverage.map((c) => c.startDate)).toEqual(['2026-12-01']);
  });

  it('accepts the same employee in open enrollment for the plan-year start only', async () => {
    const early = await f.post(path('/enrollments'), lateHire({ enrollmentReason: 'open_enrollment', effectiveDate: '2026-12-01' }));
    expect(early.status).toBe(422);
    expect((early.body as unknown as Err).fields).toEqual({ effectiveDate: 'An open enrollment covers from the plan-year start: choose 2027-01-01.' });

    const res = await f.post<TransactionAccepted>(path('/enrollments'), lateHire({ enrollmentReason: 'open_enrollment', effectiveDate: '2027-01-01' }));
    expect(res.status).toBe(201);
    expect(res.body.members[0]?.coverage.map((c) => c.startDate)).toEqual(['2027-01-01']);
  });
});
