import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { BillingSummary, BillPaySignUpRequest } from '@shared/plan-api/bill-pay';
import { firstOfMonth } from '@shared/util/dates';
import { auditLog, billPayProofFailures } from '../src/store/schema';
import { GROUP_PROOF_FAILURE_LIMIT } from '../src/services/billing/proof-throttle';
import { backends } from '../test-support/backends';
import { MINUTE } from '../test-support/clock';
import type { SignedUpUser } from '../test-support/test-service';
import { enrollment, GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

const MISMATCH = "The group number and invoice details do not match the group's latest invoice.";

/**
 * Wrong Bill Pay proofs are counted per group number as well as per user: many user IDs, each under
 * its own limit, cannot share the guessing of one group's invoice between them.
 */
describe.each(backends())('Bill Pay sign-up throttled per group (%s)', (backend) => {
  let f: EligibilityFixture;
  let latest: { invoiceNumber: string; amountCents: number };

  beforeAll(async () => {
    f = await startEligibilityService(backend);
    const enrolled = await f.post(path('/enrollments'), enrollment(f.today, { effectiveDate: firstOfMonth(f.today) }));
    if (enrolled.status !== 201) throw new Error(`enroll: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
    await f.service.ops(['issue-invoice', '--group', GROUP]);
    const summary = await f.get<BillingSummary>(path('/billing-summary'));
    if (!summary.body.lastInvoice) throw new Error('The group has an invoice');
    latest = { invoiceNumber: summary.body.lastInvoice.invoiceNumber, amountCents: summary.body.lastInvoice.amountCents };
  });
  afterAll(async () => f?.service.close());

  const signUp = (user: SignedUpUser, proof: Partial<BillPaySignUpRequest>) =>
    f.service.api('POST', '/v1/bill-pay/sign-ups', { token: user.token, body: { groupNumber: GROUP, ...latest, termsVersion: '2027-01', acceptTerms: true, ...proof } });
  const users = (n: number) => Promise.all(Array.from({ length: n }, () => f.service.signUpUser()));
  const failuresAt = async (groupNumber: string) => (await f.service.db.select().from(billPayProofFailures).where(eq(billPayProofFailures.groupNumber, groupNumber))).length;

  it('holds at ten wrong proofs an hour for a group when twenty users send theirs at once, then refuses even the right one', async () => {
    const guessers = await users(20);
    const answers = await Promise.all(guessers.map((user, i) => signUp(user, { amountCents: latest.amountCents + 1 + i })));
    const statuses = answers.map((a) => a.status).sort();
    // The tenth failure sets the lock and is told so; the ten after it are refused before their proof is read.
    expect(statuses).toEqual([...Array<number>(GROUP_PROOF_FAILURE_LIMIT - 1).fill(422), ...Array<number>(20 - GROUP_PROOF_FAILURE_LIMIT + 1).fill(429)]);
    for (const answer of answers.filter((a) => a.status === 422)) expect(answer.body).toMatchObject({ code: 'RULE', message: MISMATCH });
    const locked = answers.find((a) => a.status === 429);
    expect(locked?.body).toMatchObject({ code: 'RULE', message: expect.stringMatching(new RegExp(`^Too many Bill Pay sign-ups for group ${GROUP} with details that did not match: try again after \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z\\.$`)) });
    expect(Number(locked?.headers.get('retry-after'))).toBeGreaterThan(59 * 60);
    expect(await failuresAt(GROUP)).toBe(GROUP_PROOF_FAILURE_LIMIT);
    expect(await f.service.db.select({ target: auditLog.target }).from(auditLog).where(eq(auditLog.action, 'bill_pay.throttle'))).toEqual([{ target: `group:${GROUP}` }]);

    const [holder] = await users(1);
    if (!holder) throw new Error('signed up');
    expect(await signUp(holder, {})).toMatchObject({ status: 429, body: { code: 'RULE' } });
    f.service.clock.advance(60 * MINUTE + 1000);
    expect(await signUp(holder, {})).toMatchObject({ status: 201, body: { role: 'billing' } });
  });

  it('locks a number that is no group’s the same way, so the lock tells nobody which groups exist', async () => {
    const guessers = await users(GROUP_PROOF_FAILURE_LIMIT + 1);
    const unknown = { groupNumber: '8765', invoiceNumber: 'INV-8765-202601-7KQ4M2' };
    const answers = await Promise.all(guessers.map((user, i) => signUp(user, { ...unknown, amountCents: 100 + i })));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array<number>(GROUP_PROOF_FAILURE_LIMIT - 1).fill(422), 429, 429]);
    expect(answers.find((a) => a.status === 429)?.body).toMatchObject({ message: expect.stringContaining('Too many Bill Pay sign-ups for group 8765') });
  });
});
