import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import type { ChangesPage } from '@shared/plan-api/changes';
import type { InvoiceList } from '@shared/plan-api/invoices';
import type { Payment, PaymentList } from '@shared/plan-api/payments';
import { debitsForFile } from '../src/services/payments/ach-file-entries';
import { recordPaymentsSent, settleDue } from '../src/services/payments/payment-progress';
import { payments } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { TEST_START } from '../test-support/clock';
import { pdfLayout } from '../../test/support/pdf-layout';
import { pdfText } from '../../test/support/pdf-text';
import { ACCOUNT_NUMBER, GROUP, nextTrace, path, startPaymentsFixture, type PaymentsFixture } from './payments-support';

/** The service clock starts Friday 2026-11-27, 10:00 a.m. Eastern: today's payments still make today's file. */
describe.each(backends())('payments (%s)', (backend) => {
  let f: PaymentsFixture;
  let accountId = '';
  let november = '';
  let december = '';

  beforeAll(async () => {
    f = await startPaymentsFixture(backend);
    accountId = (await f.addVerifiedAccount()).id;
    november = await f.addInvoice('2026-11-01', 100_000, '2026-11-27');
    december = await f.addInvoice('2026-12-01', 150_000, '2026-12-01');
  });
  afterAll(async () => f?.service.close());

  const balance = async () => (await f.api<BillingSummary>('GET', path('/billing-summary'))).body.balanceCents;
  const statuses = async () => Object.fromEntries((await f.api<InvoiceList>('GET', path('/invoices'))).body.invoices.map((i) => [i.invoiceNumber, [i.status, i.paymentStatus]]));

  it('schedules a payment spread oldest first, e-mails its receipt facts, and leaves the invoices partly paid', async () => {
    expect(await balance()).toBe(250_000);
    const paid = await f.pay({ invoiceNumbers: [december, november], amountCents: 120_000, bankAccountId: accountId, paymentDate: '2026-11-27' });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({
      amountCents: 120_000,
      paymentDate: '2026-11-27',
      settlementDate: '2026-11-30',
      status: 'scheduled',
      autopay: false,
      bankAccount: { id: accountId, accountLast4: '6789', accountType: 'checking' },
      allocations: [
        { invoiceNumber: november, amountCents: 100_000 },
        { invoiceNumber: december, amountCents: 20_000 },
      ],
      cancellableUntil: '2026-11-27T22:00:00Z',
      submittedBy: f.payer.userId,
    });
    expect(paid.body.confirmationNumber).toMatch(/^PAY-261127-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(JSON.stringify(paid.body)).not.toContain(ACCOUNT_NUMBER);
    expect(await balance()).toBe(130_000);
    expect(await statuses()).toEqual({ [november]: ['open', 'open'], [december]: ['open', 'partly_paid'] });
    const mail = await f.service.mail.waitForMail((m) => m.to.includes(f.payer.email) && m.subject.includes(paid.body.confirmationNumber));
    expect(mail.text).toContain('One thousand two hundred and 00/100 dollars');
    expect(mail.text).toContain('account ending 6789');
    expect(mail.text).toMatch(/Debit date: \d{2}\/\d{2}\/\d{4}\n/);
    expect(mail.text).not.toMatch(/[A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(mail.text).not.toContain(ACCOUNT_NUMBER);
    await f.api('POST', path(`/payments/${paid.body.confirmationNumber}/cancel`));
  });

  it('answers a retry with the same Idempotency-Key with the first payment, and refuses the key for another request', async () => {
    const request = { invoiceNumbers: [november], amountCents: 1_000, bankAccountId: accountId, paymentDate: '2026-11-27' };
    const first = await f.pay(request, 'same-key-0001');
    const again = await f.pay(request, 'same-key-0001');
    expect(again.status).toBe(201);
    expect(again.body.confirmationNumber).toBe(first.body.confirmationNumber);
    const [stored] = await f.service.db.select({ n: count() }).from(payments).where(eq(payments.confirmationNumber, first.body.confirmationNumber));
    expect(stored?.n).toBe(1);
    const other = await f.pay({ ...request, amountCents: 2_000 }, 'same-key-0001');
    expect(other.status).toBe(409);
    expect((await f.api('POST', path('/payments'), { body: { ...request, authorizationVersion: '2026-12', acceptAuthorization: true } })).body).toMatchObject({ code: 'VALIDATION', fields: { 'Idempotency-Key': 'Required' } });
    await f.api('POST', path(`/payments/${first.body.confirmationNumber}/cancel`));
  });

  it('makes one payment of parallel requests with the same key', async () => {
    const before = (await f.service.db.select({ n: count() }).from(payments))[0]?.n ?? 0;
    const request = { invoiceNumbers: [november], amountCents: 3_000, bankAccountId: accountId, paymentDate: '2026-11-27' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => f.pay(request, 'parallel-key-01')));
    const numbers = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.confirmationNumber));
    expect(numbers.size).toBe(1);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect((await f.service.db.select({ n: count() }).from(payments))[0]?.n).toBe(before + 1);
    await f.api('POST', path(`/payments/${[...numbers][0]}/cancel`));
  });

  it('refuses more than the invoices owe, counting payments already scheduled', async () => {
    const first = await f.pay({ invoiceNumbers: [november], amountCents: 60_000, bankAccountId: accountId, paymentDate: '2026-11-27' });
    expect(first.status).toBe(201);
    const over = await f.pay({ invoiceNumbers: [november], amountCents: 40_001, bankAccountId: accountId, paymentDate: '2026-11-27' });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'RULE', message: expect.stringMatching(/more than these invoices owe \(\$400\.00/), fields: { amountCents: 'More than is open' } });
    expect((await f.pay({ invoiceNumbers: ['INV-4301-202601-ZZZZZZ'], amountCents: 1, bankAccountId: accountId, paymentDate: '2026-11-27' })).status).toBe(404);
    await f.api('POST', path(`/payments/${first.body.confirmationNumber}/cancel`));
  });

  it.each([
    ['2026-11-26', /earliest date is 2026-11-27/],
    ['2026-11-28', /business day/],
    ['2026-12-02', /up to 2026-12-01/],
  ])('refuses the date %s', async (paymentDate, message) => {
    const refused = await f.pay({ invoiceNumbers: [december], amountCents: 1_000, bankAccountId: accountId, paymentDate });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION', fields: { paymentDate: expect.stringMatching(message) } });
  });

  it('refuses an account not verified yet, and a prenote’s account before its usable day', async () => {
    const unverified = (await f.addAccount({ nickname: 'New' })).body;
    const refused = await f.pay({ invoiceNumbers: [december], amountCents: 1_000, bankAccountId: unverified.id, paymentDate: '2026-11-30' });
    expect(refused.body).toMatchObject({ code: 'RULE', fields: { bankAccountId: 'Not verified' } });
    const prenote = (await f.addAccount({ nickname: 'Prenote', verification: 'prenote' })).body;
    const { recordVerificationSent } = await import('../src/services/payments/bank-accounts');
    await recordVerificationSent(f.service.db, { bankAccountId: prenote.id, trace: nextTrace(), fileDate: '2026-11-27' }, f.service.clock.now());
    const early = await f.pay({ invoiceNumbers: [december], amountCents: 1_000, bankAccountId: prenote.id, paymentDate: '2026-11-30' });
    expect(early.body).toMatchObject({ code: 'RULE', fields: { paymentDate: 'From 2026-12-03' } });
  });

  it('refuses read-only users and administrators, who still see the payments', async () => {
    for (const token of [f.tokens.read_only, f.tokens.admin]) {
      expect((await f.pay({ invoiceNumbers: [december], amountCents: 1_000, bankAccountId: accountId, paymentDate: '2026-11-27' }, undefined, token)).status).toBe(403);
      expect((await f.api<PaymentList>('GET', path('/payments'), { token })).status).toBe(200);
    }
  });

  it('cancels until the cut-off of its date, not after', async () => {
    const early = (await f.pay({ invoiceNumbers: [december], amountCents: 1_000, bankAccountId: accountId, paymentDate: '2026-11-27' })).body;
    const later = (await f.pay({ invoiceNumbers: [december], amountCents: 1_000, bankAccountId: accountId, paymentDate: '2026-11-30' })).body;
    const cancelled = await f.api<Payment>('POST', path(`/payments/${early.confirmationNumber}/cancel`));
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellableUntil: null, cancelledAt: expect.any(String) });
    expect((await f.api('POST', path(`/payments/${early.confirmationNumber}/cancel`))).status).toBe(422);
    // 5:00 p.m. Eastern on Friday has passed: Friday's payments are at the bank, and the earliest date is Monday.
    f.service.clock.set('2026-11-27T22:00:00Z');
    const stillFriday = (await f.pay({ invoiceNumbers: [december], amountCents: 1_000, bankAccountId: accountId, paymentDate: '2026-11-27' })).body;
    expect(stillFriday).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/earliest date is 2026-11-30/) });
    expect((await f.api<Payment>('POST', path(`/payments/${later.confirmationNumber}/cancel`))).body).toMatchObject({ status: 'cancelled' });
    f.service.clock.set(TEST_START);
    const late = (await f.pay({ invoiceNumbers: [december], amountCents: 1_000, bankAccountId: accountId, paymentDate: '2026-11-27' })).body;
    f.service.clock.set('2026-11-27T22:00:01Z');
    const refused = await f.api('POST', path(`/payments/${late.confirmationNumber}/cancel`));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'RULE', message: expect.stringMatching(/no longer be cancelled/) });
    f.service.clock.set(TEST_START);
    await f.service.db.update(payments).set({ status: 'cancelled', cancelledAt: new Date(TEST_START) }).where(eq(payments.confirmationNumber, late.confirmationNumber));
  });

  it('keeps an account in use from being removed, and hands its debits to the ACH file writer', async () => {
    const spare = await f.addVerifiedAccount('Spare');
    const scheduled = (await f.pay({ invoiceNumbers: [december], amountCents: 500, bankAccountId: spare.id, paymentDate: '2026-11-30' })).body;
    const refused = await f.api('DELETE', path(`/bank-accounts/${spare.id}`));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'RULE', message: expect.stringMatching(/scheduled payment or autopay/) });
    expect((await debitsForFile(f.service.db, f.service.bankCipher, '2026-11-27')).some((d) => d.confirmationNumber === scheduled.confirmationNumber)).toBe(false);
    expect((await debitsForFile(f.service.db, f.service.bankCipher, '2026-11-30')).find((d) => d.confirmationNumber === scheduled.confirmationNumber)).toMatchObject({
      amountCents: 500,
      accountNumber: ACCOUNT_NUMBER,
      routingNumber: '021000021',
      companyName: `Acme Tools ${GROUP}`,
    });
    await f.api('POST', path(`/payments/${scheduled.confirmationNumber}/cancel`));
    expect((await f.api('DELETE', path(`/bank-accounts/${spare.id}`))).status).toBe(200);
  });

  it('settles on the settlement date: invoices covered become paid, on the feed with the payment snapshots', async () => {
    const headBefore = (await f.api<ChangesPage>('GET', `/v1/groups/${GROUP}/changes?after=0&limit=1`)).body.headSeq;
    const paid = (await f.pay({ invoiceNumbers: [november, december], amountCents: 175_000, bankAccountId: accountId, paymentDate: '2026-11-27' })).body;
    expect(await statuses()).toEqual({ [november]: ['open', 'open'], [december]: ['open', 'partly_paid'] });
    await recordPaymentsSent(f.service.db, { fileDate: '2026-11-27', entries: [{ confirmationNumber: paid.confirmationNumber, trace: nextTrace() }] }, f.service.clock.now());
    expect(await settleDue(f.service.db, f.service.clock.now())).toEqual([]);
    // Monday, the settlement date (the job's clock; sessions stay on the service's).
    expect(await settleDue(f.service.db, new Date('2026-11-30T15:00:00Z'))).toEqual([paid.confirmationNumber]);
    expect(await statuses()).toEqual({ [november]: ['paid', 'paid'], [december]: ['open', 'partly_paid'] });
    expect(await balance()).toBe(75_000);
    const feed = (await f.api<ChangesPage>('GET', `/v1/groups/${GROUP}/changes?after=${headBefore}`)).body.changes;
    expect(feed.map((c) => [c.entity, c.entityId, c.entity === 'payment' ? c.payload.status : (c.payload as { status: string }).status])).toEqual([
      ['payment', paid.confirmationNumber, 'scheduled'],
      ['payment', paid.confirmationNumber, 'processing'],
      ['payment', paid.confirmationNumber, 'settled'],
      ['invoice', november, 'paid'],
    ]);
    expect(JSON.stringify(feed)).not.toContain(ACCOUNT_NUMBER);
  });

  it('lets a billing user read payment entries of the feed', async () => {
    const page = (await f.api<ChangesPage>('GET', `/v1/groups/${GROUP}/changes?after=0`)).body;
    expect(page.changes.some((c) => c.entity === 'payment')).toBe(true);
  });

  it('writes the receipt PDF: amount in words, masked account, allocations, authorization version', async () => {
    const [settled] = (await f.api<PaymentList>('GET', path('/payments'))).body.payments.filter((p) => p.status === 'settled');
    const res = await fetch(`${f.service.url}${path(`/payments/${settled?.confirmationNumber}/receipt`)}`, { headers: { authorization: `Bearer ${f.tokens.read_only}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('One thousand seven hundred fifty and 00/100 dollars');
    expect(text).toContain('ending 6789');
    expect(text).toContain(november);
    expect(text).toContain('version 2026-12');
    expect(text).toContain(`Acme Tools ${GROUP} (group ${GROUP})`);
    expect(text).not.toContain(ACCOUNT_NUMBER);
    // Plan dates as the screens write them, the submission's time with its day and zone.
    expect(text).toMatch(/Debit date \d{2}\/\d{2}\/\d{4}\n/);
    expect(text).toMatch(/Submitted \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} UTC by /);
    expect(text).not.toMatch(/(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])|[A-Z][a-z]+ \d{1,2}, \d{4}/);
    const { fonts, items } = await pdfLayout(new Uint8Array(await (await fetch(`${f.service.url}${path(`/payments/${settled?.confirmationNumber}/receipt`)}`, { headers: { authorization: `Bearer ${f.tokens.read_only}` } })).arrayBuffer()));
    expect([...new Set(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')))].sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    expect(fonts.every((font) => font.embedded)).toBe(true);
    // Every label ends before its value starts, in the font the viewer draws.
    for (const item of items) {
      for (const next of items.filter((other) => other !== item && other.page === item.page && Math.abs(other.y - item.y) < 0.5 && other.x > item.x)) {
        expect(item.x + item.width, `${item.str} | ${next.str}`).toBeLessThanOrEqual(next.x);
      }
    }
    expect((await f.api('GET', path('/payments/PAY-261127-ZZZZZZ/receipt'))).status).toBe(404);
  });

  it('names the current authorization texts, in the words of a corporate debit', async () => {
    const text = await f.service.api<{ version: string; text: string }>('GET', '/v1/bill-pay/payment-authorization?kind=payment');
    expect(text.body.version).toBe('2026-12');
    expect(text.body.text).toMatch(/Nacha Operating Rules/);
    expect(text.body.text).toContain('{amount}');
    const autopay = await f.service.api<{ text: string }>('GET', '/v1/bill-pay/payment-authorization?kind=autopay');
    expect(autopay.body.text).toMatch(/revoke/);
    const stale = await f.api('POST', path('/payments'), { body: { invoiceNumbers: [december], amountCents: 100, bankAccountId: accountId, paymentDate: '2026-11-27', authorizationVersion: '2026-01', acceptAuthorization: true }, key: 'stale-version-1' });
    expect(stale.status).toBe(409);
  });

  it('lists every payments route in the OpenAPI document, each behind a session but the authorization text', async () => {
    const doc = await f.service.api<{ paths: Record<string, Record<string, { security?: unknown; responses: Record<string, { content?: Record<string, unknown> }> }>> }>('GET', '/v1/openapi.json');
    const routes: [string, string][] = [
      ['/v1/groups/{groupNumber}/bank-accounts', 'get'],
      ['/v1/groups/{groupNumber}/bank-accounts', 'post'],
      ['/v1/groups/{groupNumber}/bank-accounts/{id}/verify', 'post'],
      ['/v1/groups/{groupNumber}/bank-accounts/{id}', 'delete'],
      ['/v1/groups/{groupNumber}/payments', 'get'],
      ['/v1/groups/{groupNumber}/payments', 'post'],
      ['/v1/groups/{groupNumber}/payments/{confirmationNumber}/cancel', 'post'],
      ['/v1/groups/{groupNumber}/payments/{confirmationNumber}/receipt', 'get'],
      ['/v1/groups/{groupNumber}/autopay', 'get'],
      ['/v1/groups/{groupNumber}/autopay', 'put'],
      ['/v1/groups/{groupNumber}/autopay/skip', 'post'],
      ['/v1/groups/{groupNumber}/autopay', 'delete'],
    ];
    for (const [route, method] of routes) expect({ route, method, security: doc.body.paths[route]?.[method]?.security }).toEqual({ route, method, security: [{ bearer: [] }] });
    expect(doc.body.paths['/v1/bill-pay/payment-authorization']?.get).toBeDefined();
    expect(Object.keys(doc.body.paths['/v1/groups/{groupNumber}/payments/{confirmationNumber}/receipt']?.get?.responses['200']?.content ?? {})).toEqual(['application/pdf']);
  });
});
