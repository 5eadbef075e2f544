import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { groupUsers, invoices, users } from '../src/store/schema';
import { backends } from '../test-support/backends';
import type { ReceivedMail } from '../test-support/smtp-sink';
import { enrollment, GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

/** The plan as its operator configured it, which the notice names as the invoice's issuer and whom to call. */
const plan = { name: 'Buckeye Mutual Health', serviceTeam: { name: 'Employer Billing Desk', phone: '1-614-555-0199' }, memberServicesPhone: '1-614-555-0100' };

describe.each(backends())('the new-invoice e-mail (%s)', (backend) => {
  let f: EligibilityFixture;
  const staff: Record<string, string> = {};
  const noticesOf = (invoiceNumber: string): ReceivedMail[] => f.service.mail.received.filter((m) => m.subject === `New invoice ${invoiceNumber} for group ${GROUP}`);
  /** Every notice arrives before the issue returns: sent after commit, not queued for later. */
  const recipientsOf = (invoiceNumber: string): string[] => noticesOf(invoiceNumber).flatMap((m) => m.to).sort();

  beforeAll(async () => {
    f = await startEligibilityService(backend, { billingPlan: plan });
    const rows = await f.service.db.select({ email: users.email, role: groupUsers.role }).from(groupUsers).innerJoin(users, eq(users.userId, groupUsers.userId)).where(eq(groupUsers.groupNumber, GROUP));
    for (const row of rows) staff[row.role] = row.email.toLowerCase();
    // The service clock starts on 2026-11-27 (test-support/clock.ts).
    const subscriber = { ...enrollment(f.today).subscriber, firstName: 'Quintessa', lastName: 'Marchbanks' };
    const res = await f.post(path('/enrollments'), enrollment(f.today, { effectiveDate: '2026-11-01', subscriber }));
    if (res.status !== 201) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
  });
  afterAll(async () => f?.service.close());

  it('tells the primary administrators and billing users of an invoice an operator issues: the plan, invoice, period, amount due, due date and whom to call, no member', async () => {
    const printed = await f.service.ops(['issue-invoice', '--group', GROUP, '--period', '2026-11']);
    const invoiceNumber = /^Issued (\S+) /.exec(printed[0] ?? '')?.[1] ?? '';
    expect(printed).toHaveLength(1);
    expect(recipientsOf(invoiceNumber)).toEqual([staff.billing, staff.primary_admin].sort());
    const [mail] = noticesOf(invoiceNumber);
    expect(mail?.text).toContain(`Buckeye Mutual Health issued a new invoice to Acme Tools ${GROUP} (group ${GROUP}):`);
    expect(mail?.text).toContain('Questions about this invoice? Call Employer Billing Desk at 1-614-555-0199.');
    expect(mail?.raw.html).toContain('<p>Questions about this invoice? Call Employer Billing Desk at 1-614-555-0199.</p>');
    expect(mail?.text).toContain(`  Invoice number: ${invoiceNumber}\n  Period: November 2026\n  Amount due: $520.00\n  Due date: 11/27/2026`);
    expect(mail?.text).toContain('A paper copy follows by mail.');
    expect(mail?.raw.html).toContain('<li>Amount due: $520.00</li>');
    for (const notice of noticesOf(invoiceNumber)) expect(`${notice.text}${String(notice.raw.html)}`).not.toMatch(/Quintessa|Marchbanks|\d{9}/);
  });

  it('sends the billing cycle’s invoices to the recipients the group chose, after the invoice is committed', async () => {
    const chosen = await f.service.api('PUT', path('/billing-preferences'), { token: f.tokens.billing, body: { paperless: true, noticeRecipients: ['ap@example.com'] } });
    expect(chosen.status).toBe(200);
    // On the 27th the calendar has issued December: the cycle bills it.
    const report = await f.service.billingCycle.runNow();
    const [december] = report.issued;
    expect(december?.periodStart).toBe('2026-12-01');
    const invoiceNumber = december?.invoiceNumber ?? '';
    const mail = await f.service.mail.waitForMail((m) => m.subject === `New invoice ${invoiceNumber} for group ${GROUP}`);
    expect(recipientsOf(invoiceNumber)).toEqual(['ap@example.com']);
    // The previous balance is due with it.
    expect(mail.text).toContain(`  Invoice number: ${invoiceNumber}\n  Period: December 2026\n  Amount due: $1,040.00\n  Due date: 12/01/2026`);
    expect(mail.text).toContain('Your group is paperless: no paper copy is mailed.');
    const [stored] = await f.service.db.select({ invoiceNumber: invoices.invoiceNumber }).from(invoices).where(eq(invoices.invoiceNumber, invoiceNumber));
    expect(stored).toBeDefined();
  });
});
