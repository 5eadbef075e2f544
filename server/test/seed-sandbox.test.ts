import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { routingProblem } from '@shared/domain/aba-routing';
import { addBusinessDays, isBusinessDay } from '@shared/domain/business-days';
import { coverageSpan, isVisible, memberStatusOn } from '@shared/domain/member-status';
import { generateSandbox } from '@shared/sandbox/generator';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import type { ChangesPage } from '@shared/plan-api/changes';
import type { BankAccountList, PaymentList } from '@shared/plan-api/payments';
import { addMonths } from '@shared/util/dates';
import { latestIssuedPeriod, scheduledIssueDate } from '../src/services/billing/billing-calendar';
import type { GroupCounts, MemberView } from '@shared/plan-api/members';
import { seedSandbox } from '../src/ops/seed-sandbox';
import { ssnCipher } from '../src/services/eligibility/ssn-crypto';
import { backends } from '../test-support/backends';
import { tableRowCounts } from '../test-support/row-counts';
import { startTestService, type TestService } from '../test-support/test-service';
import { createSession } from '../src/services/accounts/sessions';
import { plans, users } from '../src/store/schema';
import { costSharingColumns } from '../src/services/groups/cost-sharing-columns';
import { loadGroup } from '../src/services/eligibility/group-detail';

describe.each(backends())('ops seed-sandbox (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(async () => service?.close());

  it('loads both sandbox groups with their members, coverage and change feed, once', async () => {
    const now = service.clock.now();
    const today = now.toISOString().slice(0, 10);
    const cipher = ssnCipher(new Uint8Array(32).fill(3));
    const { bankCipher } = service;
    const expected = generateSandbox({ today });
    const first = await seedSandbox(service.db, { cipher, bankCipher, now, today });
    // The two latest invoices the billing calendar has issued by today (the 15th of the month before each).
    const latest = latestIssuedPeriod(today);
    const months = [addMonths(latest, -1), latest].map((d) => d.slice(0, 7).replace('-', ''));
    const numbered = (group: string, month: string) => expect.stringMatching(new RegExp(`^INV-${group}-${month}-[0-9A-HJKMNP-TV-Z]{6}$`));
    const confirmation = expect.stringMatching(/^PAY-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(first).toEqual(expected.groups.map((g) => ({ groupNumber: g.group.groupNumber, loaded: g.members.length, invoices: months.map((m) => numbered(g.group.groupNumber, m)), payment: confirmation })));
    // The numbers are the stored ones; the two groups' invoices of a month differ in their random code.
    const numbers = await service.db.execute<{ invoice_number: string }>(sql`SELECT invoice_number FROM invoices ORDER BY group_number, period_start`);
    expect(numbers.rows.map((r) => r.invoice_number)).toEqual(first.flatMap((r) => r.invoices));
    const [a, b] = first;
    if (!a || !b) throw new Error('The sandbox has two groups');
    a.invoices.forEach((n, i) => expect(n.slice(-6)).not.toBe(b.invoices[i]?.slice(-6)));

    const before = await tableRowCounts(service.db);
    const again = await seedSandbox(service.db, { cipher, bankCipher, now: service.clock.now(), today });
    expect(again.map((r) => [r.loaded, r.invoices, r.payment])).toEqual([
      [0, [], null],
      [0, [], null],
    ]);
    expect(await tableRowCounts(service.db)).toEqual(before);

    // What an administrator of the first group sees matches the generator.
    const sandbox = expected.groups[0];
    if (!sandbox) throw new Error('The sandbox has groups');
    const group = sandbox.group.groupNumber;
    await service.db.insert(users).values({ userId: 'seedreader', passwordHash: 'x', name: 'Reader', email: 'r@example.com', emailVerifiedAt: now, passwordChangedAt: now, createdAt: now });
    await service.grantRole('seedreader', group, 'read_only');
    const { token } = await createSession(service.db, 'seedreader', '127.0.0.1', now);
    const record = sandbox.members[1] ?? sandbox.members[0];
    if (!record) throw new Error('The sandbox group has members');
    const member = (await service.api<MemberView>('GET', `/v1/groups/${group}/members/${record.memberId}`, { token })).body;
    expect(member).toMatchObject({ memberId: record.memberId, firstName: record.firstName, lastName: record.lastName, ssn: record.ssn ? `***-**-${record.ssn.slice(-4)}` : null });
    expect(member.coverage.map((c) => [c.planCode, c.tier, c.startDate, c.endDate])).toEqual(record.coverage.map((c) => [c.planCode, c.tier, c.startDate, c.endDate]));

    const page = (await service.api<ChangesPage>('GET', `/v1/groups/${group}/changes?after=0&limit=10000`, { token })).body;
    const periods = sandbox.members.reduce((n, m) => n + m.coverage.length, 0);
    const lines = page.changes.filter((c) => c.entity === 'invoice_line');
    expect(lines.length).toBeGreaterThan(0);
    // The seeded members and their coverage, the older invoice (issued open) and its lines, its
    // payment and the invoice again as paid, the latest invoice and its lines, then the reader's role.
    expect(page.changes).toHaveLength(sandbox.members.length + periods + 3 + lines.length + 1 + 1);
    const invoiceEntries = page.changes.filter((c) => c.entity === 'invoice');
    expect(invoiceEntries.map((c) => [c.entityId, (c.payload as { status: string }).status])).toEqual([
      [a.invoices[0], 'open'],
      [a.invoices[0], 'paid'],
      [a.invoices[1], 'open'],
    ]);
    // What a desktop replicates: the settled payment, on the feed just before the invoice it paid.
    const paymentEntries = page.changes.filter((c) => c.entity === 'payment');
    expect(paymentEntries).toEqual([expect.objectContaining({ entityId: a.payment, op: 'upsert', payload: expect.objectContaining({ status: 'settled', allocations: [expect.objectContaining({ invoiceNumber: a.invoices[0] })] }) })]);
    expect(page.changes[page.changes.indexOf(paymentEntries[0] as (typeof page.changes)[number]) + 1]).toMatchObject({ entity: 'invoice', entityId: a.invoices[0] });
    expect(page.changes.at(-1)).toMatchObject({ entity: 'user', entityId: 'seedreader', payload: { role: 'read_only' } });
    expect(page.hasMore).toBe(false);
    const counts = (await service.api<GroupCounts>('GET', `/v1/groups/${group}/counts`, { token })).body;
    const statuses = sandbox.members
      .filter((m) => isVisible(m.coverage.at(-1)?.endDate ?? null, today))
      .map((m) => {
        const span = coverageSpan(m.coverage);
        return memberStatusOn(span.effectiveDate, span.terminationDate, today);
      });
    expect([counts.active.total, counts.pending.total, counts.terminated.total]).toEqual(['active', 'pending', 'terminated'].map((s) => statuses.filter((x) => x === s).length));
    const stored = await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM members WHERE group_number = ${group}`);
    expect(stored.rows[0]?.n).toBe(sandbox.members.length);

    // The older invoice is paid, so the balance is the latest invoice's amount, due on its month's first day.
    const summary = (await service.api<BillingSummary>('GET', `/v1/groups/${group}/billing-summary`, { token })).body;
    expect(summary.lastInvoice).toMatchObject({ invoiceNumber: a.invoices[1], periodStart: latest, issuedOn: scheduledIssueDate(latest), dueDate: latest, status: 'open' });
    expect(summary.balanceCents).toBe(summary.lastInvoice?.amountCents);
    expect(summary.balanceCents).toBeGreaterThan(0);
    // The statement agrees: the payment that settled the older invoice is received on the latest,
    // so what is due is this month's amount, not two months'.
    expect(summary.lastInvoice?.paymentsCents).toBe(summary.lastInvoice?.previousBalanceCents);
    expect(summary.lastInvoice?.totalDueCents).toBe(summary.lastInvoice?.amountCents);

    // One verified account, of which the API shows the last four digits only.
    const accounts = (await service.api<BankAccountList>('GET', `/v1/groups/${group}/bank-accounts`, { token })).body.accounts;
    expect(accounts).toEqual([
      expect.objectContaining({
        nickname: 'Operating account',
        holderName: sandbox.group.name.slice(0, 22).trimEnd(),
        routingNumber: '021000021',
        accountLast4: '6789',
        accountType: 'checking',
        status: 'verified',
        verification: expect.objectContaining({ method: 'micro_deposits' }),
        problem: null,
      }),
    ]);
    expect(routingProblem(accounts[0]?.routingNumber ?? '')).toBeNull();
    expect(JSON.stringify(accounts)).not.toContain(`${group}006789`);
    const storedAccount = await service.db.execute<{ id: string; account_number_encrypted: Uint8Array }>(sql`SELECT id, account_number_encrypted FROM bank_accounts WHERE group_number = ${group}`);
    const account = storedAccount.rows[0];
    if (!account) throw new Error('The account is stored');
    expect(bankCipher.decrypt(account.account_number_encrypted, account.id)).toBe(`${group}006789`);

    // One settled payment of the older invoice in full, a business day before it was due, settled the next banking day by then.
    const older = await service.db.execute<{ amount_cents: string | number; due_date: string; status: string }>(
      sql`SELECT amount_cents, to_char(due_date, 'YYYY-MM-DD') AS due_date, status FROM invoices WHERE invoice_number = ${a.invoices[0] ?? ''}`,
    );
    const olderInvoice = older.rows[0];
    if (!olderInvoice) throw new Error('The older invoice is stored');
    expect(olderInvoice.status).toBe('paid');
    const paid = (await service.api<PaymentList>('GET', `/v1/groups/${group}/payments`, { token })).body.payments;
    expect(paid).toEqual([
      expect.objectContaining({
        confirmationNumber: a.payment,
        status: 'settled',
        amountCents: Number(olderInvoice.amount_cents),
        allocations: [{ invoiceNumber: a.invoices[0], amountCents: Number(olderInvoice.amount_cents) }],
        bankAccount: expect.objectContaining({ id: accounts[0]?.id, accountLast4: '6789' }),
        submittedBy: 'ops:seed-sandbox',
        cancellableUntil: null,
      }),
    ]);
    const [payment] = paid;
    if (!payment) throw new Error('The payment is listed');
    expect(isBusinessDay(payment.paymentDate)).toBe(true);
    expect(payment.paymentDate < olderInvoice.due_date).toBe(true);
    expect(payment.settlementDate).toBe(addBusinessDays(payment.paymentDate, 1));
    expect(payment.settlementDate <= olderInvoice.due_date).toBe(true);
    expect(payment.settlementDate <= today).toBe(true);
    expect(payment.confirmationNumber.slice(4, 10)).toBe(payment.paymentDate.replace(/-/g, '').slice(2));
  });

  it('a month later, issues the new month’s invoice and marks the one left open paid, so the demo owes one month', async () => {
    const now = service.clock.now();
    const today = addMonths(now.toISOString().slice(0, 10), 1);
    const cipher = ssnCipher(new Uint8Array(32).fill(3));
    const results = await seedSandbox(service.db, { cipher, bankCipher: service.bankCipher, now, today });
    const latest = latestIssuedPeriod(today);
    expect(results.map((r) => r.invoices)).toEqual(results.map((r) => [expect.stringMatching(new RegExp(`^INV-${r.groupNumber}-${latest.slice(0, 7).replace('-', '')}-[0-9A-HJKMNP-TV-Z]{6}$`))]));
    const open = await service.db.execute<{ invoice_number: string; group_number: string; period_start: string }>(
      sql`SELECT invoice_number, group_number, to_char(period_start, 'YYYY-MM-DD') AS period_start FROM invoices WHERE status = 'open' ORDER BY group_number`,
    );
    expect(open.rows).toEqual(results.map((r) => ({ invoice_number: r.invoices[0], group_number: r.groupNumber, period_start: latest })));
    // The invoice left open a month ago is paid by a payment of its own, from the account kept from then.
    const paid = await service.db.execute<{ group_number: string; accounts: number; payments: number; settled_paid: number }>(sql`
      SELECT g.group_number,
        (SELECT count(*)::int FROM bank_accounts b WHERE b.group_number = g.group_number) AS accounts,
        (SELECT count(*)::int FROM payments p WHERE p.group_number = g.group_number) AS payments,
        (SELECT count(*)::int FROM payment_allocations pa JOIN payments p ON p.confirmation_number = pa.confirmation_number
          JOIN invoices i ON i.invoice_number = pa.invoice_number
          WHERE p.group_number = g.group_number AND p.status = 'settled' AND i.status = 'paid' AND pa.amount_cents = i.amount_cents) AS settled_paid
      FROM groups g ORDER BY g.group_number`);
    expect(paid.rows).toEqual(results.map((r) => ({ group_number: r.groupNumber, accounts: 1, payments: 2, settled_paid: 2 })));
    expect(results.map((r) => r.payment)).toEqual(results.map(() => expect.stringMatching(/^PAY-/)));
    const paidAudits = await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sandbox.pay_invoice'`);
    expect(paidAudits.rows[0]?.n).toBe(2 * results.length);
  });

  it('pays an older invoice that an earlier version marked paid without a payment, once', async () => {
    const now = service.clock.now();
    const today = addMonths(now.toISOString().slice(0, 10), 1);
    const older = addMonths(latestIssuedPeriod(today), -1);
    // What seeding did before payments existed: the older invoice flagged paid, no payment behind it.
    await service.db.execute(sql`DELETE FROM payment_allocations WHERE invoice_number IN (SELECT invoice_number FROM invoices WHERE period_start = ${older})`);
    await service.db.execute(sql`DELETE FROM payments p WHERE NOT EXISTS (SELECT 1 FROM payment_allocations pa WHERE pa.confirmation_number = p.confirmation_number)`);
    const cipher = ssnCipher(new Uint8Array(32).fill(3));
    const results = await seedSandbox(service.db, { cipher, bankCipher: service.bankCipher, now, today });
    expect(results.map((r) => [r.invoices, r.payment])).toEqual(results.map(() => [[], expect.stringMatching(/^PAY-/)]));
    const again = await seedSandbox(service.db, { cipher, bankCipher: service.bankCipher, now, today });
    expect(again.map((r) => r.payment)).toEqual([null, null]);
    const statuses = await service.db.execute<{ status: string; payments: number }>(sql`
      SELECT i.status, (SELECT count(*)::int FROM payment_allocations pa WHERE pa.invoice_number = i.invoice_number) AS payments
      FROM invoices i WHERE i.period_start = ${older}`);
    expect(statuses.rows).toEqual(results.map(() => ({ status: 'paid', payments: 1 })));
  });

  it('gives plans of a sandbox made before cost sharing the demo figures, and keeps figures a plan already has', async () => {
    const now = service.clock.now();
    const today = now.toISOString().slice(0, 10);
    const [first, second] = generateSandbox({ today }).groups.map((g) => g.group);
    if (!first || !second) throw new Error('The sandbox has two groups');
    // What a sandbox created by an earlier build holds: no figures on the first group's plans.
    await service.db.update(plans).set(costSharingColumns(undefined)).where(eq(plans.groupNumber, first.groupNumber));
    const [kept] = second.plans;
    if (!kept?.costSharing) throw new Error('The sandbox plans have cost sharing');
    const changed = { ...kept.costSharing, inNetwork: { ...kept.costSharing.inNetwork, deductible: { individual: 123_400, family: 246_800 } } };
    await service.db.update(plans).set(costSharingColumns(changed)).where(and(eq(plans.groupNumber, second.groupNumber), eq(plans.code, kept.code)));

    await seedSandbox(service.db, { cipher: ssnCipher(new Uint8Array(32).fill(3)), bankCipher: service.bankCipher, now, today });
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect((await loadGroup(service.db, first.groupNumber)).plans.map((p) => p.costSharing)).toEqual([...first.plans].sort(byCode).map((p) => p.costSharing));
    expect((await loadGroup(service.db, second.groupNumber)).plans.find((p) => p.code === kept.code)?.costSharing).toEqual(changed);
  });
});
