import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '@shared/contract';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import { createCore } from '../../core';
import type { CoreHandle } from '../../core-types';
import { statement } from '../../store/statements';
import { isQuiet, startSyncTestService, syncTestCore, tempDataDir, waitForEvent, waitForSync, type SyncTestService } from '../../test-support/plan-service';

/** A hire enrolled back to November with a spouse, after November was billed: December re-bills November for them. */
const lateEnrollment: TransactionInput = {
  kind: 'enroll',
  request: {
    subscriber: {
      firstName: 'Casey',
      lastName: 'Latebill',
      dateOfBirth: '1985-06-15',
      gender: 'M',
      ssn: '480100777',
      address: { line1: '40 Canal St', city: 'Toledo', state: 'OH', zip: '43604' },
      phone: '419-555-0100',
      email: null,
      hireDate: '2026-06-01',
      employmentStatus: 'FT',
    },
    planCode: 'PPO-500',
    effectiveDate: '2026-11-01',
    dependents: [{ relationship: 'spouse', firstName: 'Robin', lastName: 'Latebill', dateOfBirth: '1987-03-14', gender: 'F', disabled: false }],
  },
};

/** The method's answer, which must succeed. */
async function ok<M extends MethodName>(core: CoreHandle, method: M, input: Record<string, unknown>): Promise<MethodOutput<M>> {
  const answer = await core.call(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as MethodOutput<M>;
}

/** fetch with a switch: `down` fails every request as an unreachable host does. */
function switchableNetwork() {
  const net = {
    down: false,
    fetch: ((url, init) => {
      if (net.down) return Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
      return fetch(url, init);
    }) as typeof fetch,
  };
  return net;
}

describe('invoices on the desktop, against the plan service', () => {
  let test: SyncTestService;
  let november = '';
  let december = '';
  const net = switchableNetwork();
  let admin: ReturnType<typeof createCore>;

  const issue = async (period: string): Promise<string> => {
    const printed = await test.service.ops(['issue-invoice', '--group', test.groupNumber, '--period', period]);
    const number = /^Issued (\S+) /.exec(printed[0] ?? '')?.[1];
    if (!number) throw new Error(`No invoice number in ${JSON.stringify(printed)}`);
    return number;
  };

  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 6 });
    november = await issue('2026-11');
    admin = syncTestCore(test, { fetch: net.fetch });
    await waitForSync(admin, isQuiet);
  }, 120_000);
  afterAll(async () => {
    await admin?.close();
    await test?.close();
  });

  it('receives the invoice issued before its first sync, without announcing it, and lists its lines by page, sort and search', async () => {
    const invoices = await ok(admin, 'billing.invoices', { groupNumber: test.groupNumber });
    expect(invoices).toEqual([expect.objectContaining({ invoiceNumber: november, periodStart: '2026-11-01', paymentStatus: 'open', lineCount: expect.any(Number), adjustmentCount: 0 })]);
    const lineCount = invoices[0]?.lineCount ?? 0;
    expect(lineCount).toBeGreaterThan(2);
    const notifications = await ok(admin, 'notifications.list', {});
    expect(notifications.items.filter((n) => n.kind === 'invoice.issued')).toEqual([]);

    const all = await ok(admin, 'billing.invoiceLines', { groupNumber: test.groupNumber, invoiceNumber: november, limit: 500 });
    expect(all.total).toBe(lineCount);
    expect(all.totalCents).toBe(invoices[0]?.premiumsCents);
    const firstTwo = await ok(admin, 'billing.invoiceLines', { groupNumber: test.groupNumber, invoiceNumber: november, sort: { by: 'memberId', dir: 'desc' }, limit: 2 });
    expect(firstTwo.rows.map((r) => r.memberId)).toEqual(all.rows.map((r) => r.memberId).sort().reverse().slice(0, 2));
    const someone = all.rows[0];
    const found = await ok(admin, 'billing.invoiceLines', { groupNumber: test.groupNumber, invoiceNumber: november, query: someone?.memberName.split(' ').at(-1)?.toUpperCase() ?? '' });
    expect(found.rows.map((r) => r.memberId)).toContain(someone?.memberId);
    expect(someone).toMatchObject({ planName: expect.stringMatching(/^(PPO|HMO) /), dispute: null });
  });

  it('announces an invoice issued after the first sync once, naming no member, links its adjustment to the change in Activity, and updates the balance', async () => {
    const submitted = await admin.call('transactions.submit', { groupNumber: test.groupNumber, transaction: lateEnrollment });
    expect(submitted).toMatchObject({ ok: true });
    await waitForSync(admin, isQuiet);
    const activity = await ok(admin, 'transactions.list', { groupNumber: test.groupNumber });
    const enrolled = activity.items.find((i) => i.kind === 'enroll');
    expect(enrolled).toMatchObject({ status: 'accepted', confirmationNumber: expect.stringMatching(/^TX-/) });

    const notified = waitForEvent(admin, 'notification.created', (e) => e.kind === 'invoice.issued');
    const billingChanged = waitForEvent(admin, 'billing.changed', (e) => e.groupNumber === test.groupNumber);
    december = await issue('2026-12');
    const notice = await notified;
    await billingChanged;
    await waitForSync(admin, isQuiet);
    const invoice = await ok(admin, 'billing.invoice', { groupNumber: test.groupNumber, invoiceNumber: december });
    expect(notice.title).toContain(`group ${test.groupNumber}`);
    expect(notice.body).toContain(december);
    // The due date as data: each screen, and the OS notification, write it in the reader's format.
    expect(notice.body).toContain(`due ${invoice.invoice.dueDate}.`);
    expect(`${notice.title} ${notice.body}`).not.toMatch(/Casey|Robin|Latebill/);
    const listed = await ok(admin, 'notifications.list', {});
    expect(listed.items.filter((n) => n.kind === 'invoice.issued')).toEqual([expect.objectContaining({ groupNumber: test.groupNumber, link: `#/billing/invoices/${december}` })]);

    const casey = (await ok(admin, 'members.search', { groupNumber: test.groupNumber, query: 'Latebill' })).find((m) => m.relationship === 'subscriber');
    expect(invoice.adjustments).toEqual([
      expect.objectContaining({ memberId: casey?.memberId, memberName: 'Casey Latebill', periodStart: '2026-11-01', kind: 'charge', confirmationNumber: enrolled?.confirmationNumber, transactionId: enrolled?.id }),
    ]);
    expect(invoice.invoice).toMatchObject({ invoiceNumber: december, adjustmentCount: 1, previousBalanceCents: expect.any(Number) });
    const caseyLine = await ok(admin, 'billing.invoiceLines', { groupNumber: test.groupNumber, invoiceNumber: december, query: 'latebill' });
    expect(caseyLine.rows).toEqual([expect.objectContaining({ memberName: 'Casey Latebill', tier: 'ESP', dependents: [expect.objectContaining({ name: 'Robin Latebill', relationship: 'spouse' })] })]);

    const summary = (await test.service.api<BillingSummary>('GET', `/v1/groups/${test.groupNumber}/billing-summary`, { token: test.token })).body;
    const groups = await ok(admin, 'groups.list', {});
    expect(groups[0]).toMatchObject({ balanceCents: summary.balanceCents, balanceDueDate: invoice.invoice.dueDate });
    const overview = await ok(admin, 'billing.overview', { groupNumber: test.groupNumber });
    expect(overview).toMatchObject({
      openBalanceCents: summary.balanceCents,
      amountDueCents: invoice.invoice.totalDueCents,
      dueDate: invoice.invoice.dueDate,
      latestInvoice: { invoiceNumber: december },
      lastPayment: null,
      asOf: expect.any(String),
    });
  });

  it('gives a billing user the invoices with the names as billed, and no member', async () => {
    const user = await test.service.signUpUser({ name: 'Pat Payer' });
    await test.service.grantRole(user.userId, test.groupNumber, 'billing');
    const core = createCore({ dataDir: tempDataDir(), encryptionKey: randomBytes(32), sandbox: false, today: test.today, now: test.now, log: () => {} });
    try {
      expect(await core.call('session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password })).toMatchObject({ ok: true });
      await waitForSync(core, isQuiet);
      const invoices = await ok(core, 'billing.invoices', { groupNumber: test.groupNumber });
      expect(invoices.map((i) => i.invoiceNumber)).toEqual([december, november]);
      const lines = await ok(core, 'billing.invoiceLines', { groupNumber: test.groupNumber, invoiceNumber: december, query: 'latebill' });
      expect(lines.rows).toEqual([expect.objectContaining({ memberName: 'Casey Latebill', dependents: [] })]);
      const store = core.storeSession.store;
      for (const table of ['members', 'coverage_periods']) expect(store === null ? null : statement(store.db, `SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      expect((await ok(core, 'notifications.list', {})).items).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('files a dispute and reads the disputes, preferences and the PDF from the plan; offline, reads what it kept', async () => {
    const casey = (await ok(admin, 'billing.invoiceLines', { groupNumber: test.groupNumber, invoiceNumber: december, query: 'latebill' })).rows[0];
    const changed = waitForEvent(admin, 'billing.changed');
    const dispute = await ok(admin, 'billing.dispute', { groupNumber: test.groupNumber, invoiceNumber: december, memberId: casey?.memberId ?? null, reason: 'wrong_amount', note: 'Hired in June, enrolled late' });
    expect(dispute).toMatchObject({ invoiceNumber: december, memberId: casey?.memberId, status: 'open' });
    await changed;
    expect(await ok(admin, 'billing.disputes', { groupNumber: test.groupNumber })).toEqual([dispute]);
    expect((await ok(admin, 'billing.invoiceLines', { groupNumber: test.groupNumber, invoiceNumber: december, query: 'latebill' })).rows[0]?.dispute).toEqual(dispute);

    expect(await ok(admin, 'billing.preferences', { groupNumber: test.groupNumber })).toMatchObject({ paperless: false, noticeRecipients: null });
    const set = await ok(admin, 'billing.setPreferences', { groupNumber: test.groupNumber, paperless: true, noticeRecipients: ['AP@example.com'] });
    expect(set).toMatchObject({ paperless: true, noticeRecipients: ['ap@example.com'] });
    expect(await ok(admin, 'billing.overview', { groupNumber: test.groupNumber })).toMatchObject({ paperless: true });

    const pdf = await ok(admin, 'billing.pdf', { groupNumber: test.groupNumber, invoiceNumber: december });
    expect(pdf).toMatchObject({ fileName: `${december}.pdf`, contentType: 'application/pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 4).toString('latin1')).toBe('%PDF');

    net.down = true;
    try {
      const offlinePdf = await admin.call('billing.pdf', { groupNumber: test.groupNumber, invoiceNumber: december });
      expect(offlinePdf).toMatchObject({ ok: false, error: { code: 'OFFLINE', message: expect.stringMatching(/PDF comes from the plan.*read offline/s) } });
      expect(await admin.call('billing.dispute', { groupNumber: test.groupNumber, invoiceNumber: december, memberId: null, reason: 'other', note: 'Again' })).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
      expect(await admin.call('billing.setPreferences', { groupNumber: test.groupNumber, paperless: false, noticeRecipients: null })).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
      expect(await ok(admin, 'billing.preferences', { groupNumber: test.groupNumber })).toEqual(set);
      expect(await ok(admin, 'billing.disputes', { groupNumber: test.groupNumber, invoiceNumber: december })).toEqual([dispute]);
      expect(await ok(admin, 'billing.invoice', { groupNumber: test.groupNumber, invoiceNumber: december })).toMatchObject({ invoice: { invoiceNumber: december } });
    } finally {
      net.down = false;
    }
  });
});
