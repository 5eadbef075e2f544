import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { coverageSpan, isVisible, memberStatusOn } from '@shared/domain/member-status';
import { generateSandbox } from '@shared/sandbox/generator';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import type { ChangesPage } from '@shared/plan-api/changes';
import { addMonths } from '@shared/util/dates';
import { latestIssuedPeriod, scheduledIssueDate } from '../src/services/billing/billing-calendar';
import type { GroupCounts, MemberView } from '@shared/plan-api/members';
import { seedSandbox } from '../src/ops/seed-sandbox';
import { ssnCipher } from '../src/services/eligibility/ssn-crypto';
import { backends } from '../test-support/backends';
import { tableRowCounts } from '../test-support/row-counts';
import { startTestService, type TestService } from '../test-support/test-service';
import { createSession } from '../src/services/accounts/sessions';
import { users } from '../src/store/schema';

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
    const expected = generateSandbox({ today });
    const first = await seedSandbox(service.db, { cipher, now, today });
    // The two latest invoices the billing calendar has issued by today (the 15th of the month before each).
    const latest = latestIssuedPeriod(today);
    const months = [addMonths(latest, -1), latest].map((d) => d.slice(0, 7).replace('-', ''));
    const numbered = (group: string, month: string) => expect.stringMatching(new RegExp(`^INV-${group}-${month}-[0-9A-HJKMNP-TV-Z]{6}$`));
    expect(first).toEqual(expected.groups.map((g) => ({ groupNumber: g.group.groupNumber, loaded: g.members.length, invoices: months.map((m) => numbered(g.group.groupNumber, m)) })));
    // The numbers are the stored ones; the two groups' invoices of a month differ in their random code.
    const numbers = await service.db.execute<{ invoice_number: string }>(sql`SELECT invoice_number FROM invoices ORDER BY group_number, period_start`);
    expect(numbers.rows.map((r) => r.invoice_number)).toEqual(first.flatMap((r) => r.invoices));
    const [a, b] = first;
    if (!a || !b) throw new Error('The sandbox has two groups');
    a.invoices.forEach((n, i) => expect(n.slice(-6)).not.toBe(b.invoices[i]?.slice(-6)));

    const before = await tableRowCounts(service.db);
    const again = await seedSandbox(service.db, { cipher, now, today });
    expect(again.map((r) => [r.loaded, r.invoices])).toEqual([
      [0, []],
      [0, []],
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
    // The seeded members and their coverage, the two invoices and their lines, then the reader's role granted above.
    expect(page.changes).toHaveLength(sandbox.members.length + periods + 2 + lines.length + 1);
    expect(page.changes.filter((c) => c.entity === 'invoice').map((c) => c.entityId)).toEqual(a.invoices);
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
  });

  it('a month later, issues the new month’s invoice and marks the one left open paid, so the demo owes one month', async () => {
    const now = service.clock.now();
    const today = addMonths(now.toISOString().slice(0, 10), 1);
    const cipher = ssnCipher(new Uint8Array(32).fill(3));
    const results = await seedSandbox(service.db, { cipher, now, today });
    const latest = latestIssuedPeriod(today);
    expect(results.map((r) => r.invoices)).toEqual(results.map((r) => [expect.stringMatching(new RegExp(`^INV-${r.groupNumber}-${latest.slice(0, 7).replace('-', '')}-[0-9A-HJKMNP-TV-Z]{6}$`))]));
    const open = await service.db.execute<{ invoice_number: string; group_number: string; period_start: string }>(
      sql`SELECT invoice_number, group_number, to_char(period_start, 'YYYY-MM-DD') AS period_start FROM invoices WHERE status = 'open' ORDER BY group_number`,
    );
    expect(open.rows).toEqual(results.map((r) => ({ invoice_number: r.invoices[0], group_number: r.groupNumber, period_start: latest })));
    const paidAudits = await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sandbox.pay_invoice'`);
    expect(paidAudits.rows[0]?.n).toBe(results.length);
  });
});
