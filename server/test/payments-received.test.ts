import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueMonth } from '../src/services/billing/issue-invoice';
import { BILLING_CYCLE_ACTOR } from '../src/jobs/billing-cycle';
import { bankAccounts, paymentAllocations, payments } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { enrollment, GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

// sampleGroup's PPO employee-only rate (test-support/fixtures.ts), in cents.
const EMP = 52_000;

/**
 * Payments received on the next invoice: what payments that settled since the previous invoice was
 * written allocated to the group's invoices; a returned one or one still on its way is not received.
 */
describe.each(backends())('payments received on the next invoice (%s)', (backend) => {
  let f: EligibilityFixture;
  beforeAll(async () => {
    f = await startEligibilityService(backend);
    const enrolled = await f.post(path('/enrollments'), enrollment('2026-11-27', { effectiveDate: '2026-11-01' }), { token: f.tokens.primary_admin });
    expect(enrolled.status).toBe(201);
  });
  afterAll(async () => f?.service.close());

  const issue = async (periodStart: string, issuedOn: string) => {
    f.service.clock.set(`${issuedOn}T12:00:00Z`);
    const result = await issueMonth(f.service.db, { groupNumber: GROUP, periodStart, issuedOn }, BILLING_CYCLE_ACTOR, f.service.clock.now());
    if (result.outcome !== 'issued') throw new Error(`${periodStart}: ${result.outcome}`);
    return result.issued.invoice;
  };
  let sequence = 0;
  /** A payment straight into the ledger, in the state the ACH file and the bank left it. */
  const payment = async (invoiceNumber: string, amountCents: number, status: 'processing' | 'settled' | 'returned', settledAt: string | null) => {
    sequence += 1;
    const now = f.service.clock.now();
    const id = `BA-0000000${sequence}`;
    await f.service.db.insert(bankAccounts).values({
      id,
      groupNumber: GROUP,
      nickname: 'Operating',
      holderName: 'Acme Tools Inc',
      routingNumber: '021000021',
      accountNumberEncrypted: f.service.bankCipher.encrypt('000123456789', id),
      accountLast4: '6789',
      accountType: 'checking',
      status: 'verified',
      verificationMethod: 'prenote',
      addedBy: 'ops:test',
      addedAt: now,
    });
    const confirmationNumber = `PAY-261201-00000${sequence}`;
    await f.service.db.insert(payments).values({
      confirmationNumber,
      groupNumber: GROUP,
      bankAccountId: id,
      amountCents,
      paymentDate: '2026-12-01',
      settlementDate: '2026-12-02',
      status,
      submittedBy: 'ops:test',
      submittedAt: now,
      authorizationVersion: 'test',
      ...(settledAt ? { settledAt: new Date(settledAt) } : {}),
      ...(status === 'returned' ? { returnedAt: now, returnCode: 'R01', returnReason: 'Not enough money in the account' } : {}),
    });
    await f.service.db.insert(paymentAllocations).values({ confirmationNumber, invoiceNumber, amountCents });
  };

  it('counts settled payments since the previous invoice, not returned or unsettled ones', async () => {
    const december = await issue('2026-12-01', '2026-11-27');
    expect(december).toMatchObject({ previousBalanceCents: 0, paymentsCents: 0, totalDueCents: EMP });
    await payment(december.invoiceNumber, 30_000, 'settled', '2026-12-02T20:00:00Z');
    await payment(december.invoiceNumber, 10_000, 'returned', '2026-12-02T20:00:00Z');
    await payment(december.invoiceNumber, 5_000, 'processing', null);
    const january = await issue('2027-01-01', '2026-12-15');
    expect(january).toMatchObject({ previousBalanceCents: EMP, paymentsCents: 30_000, amountCents: EMP, totalDueCents: EMP - 30_000 + EMP });
    const february = await issue('2027-02-01', '2027-01-15');
    // Settled before January was written: received on January, not again on February.
    expect(february).toMatchObject({ previousBalanceCents: january.totalDueCents, paymentsCents: 0, totalDueCents: january.totalDueCents + EMP });
  });
});
