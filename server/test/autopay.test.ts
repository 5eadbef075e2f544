import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AutopayState, PaymentList } from '@shared/plan-api/payments';
import { paymentAuthorizations } from '../src/services/payments/payment-authorization';
import { autopay } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { TEST_START } from '../test-support/clock';
import { path, startPaymentsFixture, type PaymentsFixture } from './payments-support';

/** Enrolled on Friday 2026-11-27. January's invoice is due on New Year's Day, a holiday: debited Thursday 12-31, announced Wednesday 12-23. */
describe.each(backends())('autopay (%s)', (backend) => {
  let f: PaymentsFixture;
  let accountId = '';
  let pastDue = '';
  let january = '';
  let february = '';

  beforeAll(async () => {
    f = await startPaymentsFixture(backend);
    accountId = (await f.addVerifiedAccount()).id;
    pastDue = await f.addInvoice('2026-10-01', 50_000, '2026-10-01');
    january = await f.addInvoice('2027-01-01', 200_000, '2027-01-01');
    february = await f.addInvoice('2027-02-01', 210_000, '2027-02-01');
  });
  afterAll(async () => f?.service.close());

  const enroll = (overrides: Record<string, unknown> = {}) =>
    f.api<AutopayState>('PUT', path('/autopay'), {
      body: { bankAccountId: accountId, rule: { timing: 'due_date', daysBefore: null }, authorizationVersion: paymentAuthorizations.autopay.version, acceptAuthorization: true, password: f.payer.password, ...overrides },
    });
  /** A pass of the payments job with the service clock at `instant`, then back to the start (sessions live there). */
  const passAt = async (instant: string) => {
    f.service.clock.set(instant);
    try {
      return await f.service.paymentsJob.runNow();
    } finally {
      f.service.clock.set(TEST_START);
    }
  };
  const autopayPayments = async () => (await f.api<PaymentList>('GET', path('/payments'))).body.payments.filter((p) => p.autopay);

  it('reads as not enrolled, and refuses read-only users and administrators', async () => {
    expect((await f.api<AutopayState>('GET', path('/autopay'), { token: f.tokens.read_only })).body).toEqual({ enrollment: null });
    // Stopping what was never set up is refused (a repeated stop is not: see the cancel below).
    expect((await f.api('DELETE', path('/autopay'))).status).toBe(404);
    for (const token of [f.tokens.read_only, f.tokens.admin]) {
      expect((await f.api('PUT', path('/autopay'), { token, body: { bankAccountId: accountId, rule: { timing: 'due_date', daysBefore: null }, authorizationVersion: '2026-12', acceptAuthorization: true, password: 'x' } })).status).toBe(403);
    }
  });

  it('refuses a wrong password, an unverified account and a rule without its days', async () => {
    expect((await enroll({ password: 'wrong-password' })).body).toMatchObject({ code: 'FORBIDDEN', fields: { password: 'Not right' } });
    const unverified = (await f.addAccount({ nickname: 'New' })).body;
    expect((await enroll({ bankAccountId: unverified.id })).body).toMatchObject({ code: 'RULE', fields: { bankAccountId: 'Not verified' } });
    expect((await enroll({ rule: { timing: 'days_before', daysBefore: null } })).status).toBe(400);
  });

  it('enrolls with the authorization recorded and tells the primary administrators', async () => {
    const enrolled = await enroll();
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.enrollment).toMatchObject({
      status: 'active',
      bankAccount: { id: accountId, accountLast4: '6789' },
      rule: { timing: 'due_date', daysBefore: null },
      authorization: { version: '2026-12', acceptedBy: f.payer.userId, acceptedAt: expect.stringMatching(/^2026-11-27T15:/) },
      suspendedReason: null,
      skipped: [],
      // The past-due October invoice is not autopay's: enrolling does not debit old balances.
      nextDebit: { invoiceNumber: january, amountCents: 200_000, paymentDate: '2026-12-31' },
    });
    const [row] = await f.service.db.select().from(autopay).where(eq(autopay.groupNumber, '4301'));
    expect(row).toMatchObject({ authorizationTextHash: expect.stringMatching(/^[0-9a-f]{64}$/), acceptedIp: expect.any(String) });
    const mail = await f.service.mail.waitForMail((m) => m.to.includes(f.admin.email) && /is now enrolled in autopay/.test(m.subject));
    expect(mail.text).toContain('account ending 6789');
    expect(mail.text).toContain('on each invoice’s due date');
  });

  it('schedules the debit once, five business days ahead, with one pre-debit e-mail', async () => {
    expect((await passAt('2026-12-22T15:00:00Z')).autopay.scheduled).toEqual([]);
    const first = await passAt('2026-12-23T15:00:00Z');
    expect(first.autopay).toMatchObject({ scheduled: [expect.stringMatching(/^PAY-261223-/)], notices: 1, failed: [] });
    const again = await passAt('2026-12-24T15:00:00Z');
    expect(again.autopay).toMatchObject({ scheduled: [], notices: 0 });
    const debits = await autopayPayments();
    expect(debits).toHaveLength(1);
    expect(debits.flatMap((p) => p.allocations.map((a) => a.invoiceNumber))).not.toContain(pastDue);
    expect(debits[0]).toMatchObject({ status: 'scheduled', paymentDate: '2026-12-31', amountCents: 200_000, allocations: [{ invoiceNumber: january, amountCents: 200_000 }], submittedBy: 'system:autopay' });
    for (const to of [f.payer.email, f.admin.email]) {
      const notice = await f.service.mail.waitForMail((m) => m.to.includes(to) && /Autopay will debit \$2,000\.00 on 12\/31\/2026/.test(m.subject));
      expect(notice.text).toContain(january);
    }
    expect(f.service.mail.received.filter((m) => m.subject.startsWith('Autopay will debit')).length).toBe(2);
  });

  it('skips an invoice: its scheduled debit is cancelled and autopay leaves it alone', async () => {
    const skipped = await f.api<AutopayState>('POST', path('/autopay/skip'), { body: { invoiceNumber: january } });
    expect(skipped.status).toBe(200);
    expect(skipped.body.enrollment).toMatchObject({ skipped: [january], nextDebit: { invoiceNumber: february, paymentDate: '2027-02-01' } });
    expect((await autopayPayments()).map((p) => p.status)).toEqual(['cancelled']);
    await f.service.mail.waitForMail((m) => m.to.includes(f.admin.email) && /skipped one autopay debit/.test(m.subject));
    expect((await passAt('2026-12-28T15:00:00Z')).autopay.scheduled).toEqual([]);
    expect((await f.api('POST', path('/autopay/skip'), { body: { invoiceNumber: 'INV-4301-202701-ZZZZZZ' } })).status).toBe(404);
  });

  it('changes the rule, and debits the rest of an invoice a payment covered in part', async () => {
    const changed = await enroll({ rule: { timing: 'days_before', daysBefore: 2 } });
    expect(changed.body.enrollment).toMatchObject({ rule: { timing: 'days_before', daysBefore: 2 }, nextDebit: { invoiceNumber: february, paymentDate: '2027-01-28' } });
    await f.service.mail.waitForMail((m) => m.to.includes(f.admin.email) && /changed its autopay/.test(m.subject));
    const part = await f.pay({ invoiceNumbers: [february], amountCents: 10_000, bankAccountId: accountId, paymentDate: '2026-11-30' });
    expect(part.status).toBe(201);
    const pass = await passAt('2027-01-21T15:00:00Z');
    expect(pass.autopay.scheduled).toHaveLength(1);
    const [debit] = (await autopayPayments()).filter((p) => p.status === 'scheduled');
    expect(debit).toMatchObject({ paymentDate: '2027-01-28', amountCents: 200_000, allocations: [{ invoiceNumber: february, amountCents: 200_000 }] });
  });

  it('cancels autopay with its debits not yet at the bank, and tells the primary administrators', async () => {
    const cancelled = await f.api<AutopayState>('DELETE', path('/autopay'));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.enrollment).toMatchObject({ status: 'cancelled', nextDebit: null, suspendedReason: expect.stringMatching(/Cancelled/) });
    expect((await autopayPayments()).map((p) => p.status)).toEqual(['cancelled', 'cancelled']);
    await f.service.mail.waitForMail((m) => m.to.includes(f.admin.email) && /cancelled its autopay/.test(m.subject));
    // A repeat (its first answer lost on the way back) is answered with the same state, not refused.
    const again = await f.api<AutopayState>('DELETE', path('/autopay'));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(cancelled.body);
    expect((await passAt('2027-01-27T15:00:00Z')).autopay.scheduled).toEqual([]);
  });
});
