import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { returnReasonWords, type ReturnCode } from '@shared/domain/ach-return-codes';
import type { ChangesPage } from '@shared/plan-api/changes';
import type { AutopayState, BankAccountList, Payment } from '@shared/plan-api/payments';
import { createMailer, type Mailer } from '../src/mail/mailer';
import { applyNotificationOfChange, applyReturn } from '../src/services/payments/ach-returns';
import { enrollAutopay } from '../src/services/payments/autopay';
import { recordVerificationSent } from '../src/services/payments/bank-accounts';
import { paymentAuthorizations } from '../src/services/payments/payment-authorization';
import { recordPaymentsSent, settleDue } from '../src/services/payments/payment-progress';
import type { PaymentsEnv } from '../src/services/payments/payments-env';
import { bankAccounts } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { GROUP, nextTrace, path, ROUTING, startPaymentsFixture, type PaymentsFixture } from './payments-support';

describe.each(backends())('ACH returns and notifications of change (%s)', (backend) => {
  let f: PaymentsFixture;
  let mailer: Mailer;
  let env: PaymentsEnv;
  let month = 0;

  beforeAll(async () => {
    f = await startPaymentsFixture(backend);
    mailer = createMailer({ smtpUrl: f.service.mail.url });
    env = { db: f.service.db, mailer, plan: f.service.billingPlan, log: { error: () => undefined } };
  });
  afterAll(async () => {
    mailer?.close();
    await f?.service.close();
  });

  /** A fresh account with autopay on it, an invoice paid in full by a debit sent in a file (settled when asked), and a payment still scheduled. */
  async function debitSent(settled: boolean) {
    const account = await f.addVerifiedAccount();
    await enrollAutopay(f.service.db, GROUP, { bankAccountId: account.id, rule: { timing: 'due_date', daysBefore: null }, authorizationVersion: paymentAuthorizations.autopay.version }, { actorUserId: f.payer.userId, sessionId: null, ip: null }, f.service.clock.now());
    month += 1;
    // One month per call, a year apart, so each case has invoices of its own.
    const invoice = await f.addInvoice(`${2030 + month}-01-01`, 10_000, '2026-12-01');
    const later = await f.addInvoice(`${2030 + month}-02-01`, 5_000, '2026-12-01');
    const paid = (await f.pay({ invoiceNumbers: [invoice], amountCents: 10_000, bankAccountId: account.id, paymentDate: '2026-11-27' })).body;
    const scheduled = (await f.pay({ invoiceNumbers: [later], amountCents: 5_000, bankAccountId: account.id, paymentDate: '2026-11-30' })).body;
    const trace = nextTrace();
    await recordPaymentsSent(f.service.db, { fileDate: '2026-11-27', entries: [{ confirmationNumber: paid.confirmationNumber, trace }] }, f.service.clock.now());
    if (settled) await settleDue(f.service.db, new Date('2026-11-30T15:00:00Z'));
    return { account, invoice, paid, scheduled, trace };
  }
  const allPayments = async () => (await f.api<{ payments: Payment[] }>('GET', path('/payments'))).body.payments;
  const invoiceStatus = async (invoiceNumber: string) => ((await f.api<{ invoices: { invoiceNumber: string; status: string }[] }>('GET', path('/invoices'))).body.invoices.find((i) => i.invoiceNumber === invoiceNumber))?.status;

  it.each<[ReturnCode, 'verified' | 'disabled', 'active' | 'suspended' | 'cancelled']>([
    ['R01', 'verified', 'suspended'],
    ['R02', 'disabled', 'suspended'],
    ['R03', 'disabled', 'suspended'],
    ['R04', 'disabled', 'suspended'],
    ['R07', 'disabled', 'cancelled'],
    ['R08', 'verified', 'active'],
    ['R10', 'disabled', 'cancelled'],
    ['R16', 'disabled', 'suspended'],
    ['R20', 'disabled', 'suspended'],
    ['R29', 'disabled', 'cancelled'],
  ])('%s: the payment is returned and its invoice open again; the account is %s and autopay %s', async (code, accountStatus, autopayStatus) => {
    const settled = code.endsWith('1') || code.endsWith('3') || code.endsWith('7');
    const { account, invoice, paid, scheduled, trace } = await debitSent(settled);
    if (settled) expect(await invoiceStatus(invoice)).toBe('paid');
    const applied = await applyReturn(env, { trace, code }, f.service.clock.now());
    expect(applied).toMatchObject({ kind: 'payment', confirmationNumber: paid.confirmationNumber, accountDisabled: accountStatus === 'disabled' });
    const list = await allPayments();
    expect(list.find((p) => p.confirmationNumber === paid.confirmationNumber)).toMatchObject({ status: 'returned', returnCode: code, returnReason: returnReasonWords(code), returnedAt: expect.any(String) });
    // The account's scheduled payment cannot go once the account is disabled.
    expect(list.find((p) => p.confirmationNumber === scheduled.confirmationNumber)?.status).toBe(accountStatus === 'disabled' ? 'cancelled' : 'scheduled');
    expect(await invoiceStatus(invoice)).toBe('open');
    const accounts = (await f.api<BankAccountList>('GET', path('/bank-accounts'))).body.accounts;
    expect(accounts.find((a) => a.id === account.id)).toMatchObject({ status: accountStatus, problem: accountStatus === 'disabled' ? returnReasonWords(code) : null });
    expect((await f.api<AutopayState>('GET', path('/autopay'))).body.enrollment).toMatchObject({ status: autopayStatus, suspendedReason: autopayStatus === 'active' ? null : returnReasonWords(code) });
    const mail = await f.service.mail.waitForMail((m) => m.to.includes(f.payer.email) && m.subject === `Payment ${paid.confirmationNumber} for group ${GROUP} was returned`);
    expect(mail.text).toContain(returnReasonWords(code).slice(0, 40));
    await f.service.mail.waitForMail((m) => m.to.includes(f.admin.email) && m.subject.includes(paid.confirmationNumber));
    if (autopayStatus !== 'active') await f.service.mail.waitForMail((m) => m.to.includes(f.admin.email) && m.subject === `Group ${GROUP} has its autopay ${autopayStatus === 'suspended' ? 'suspended' : 'cancelled'}`.replace('has its autopay cancelled', 'cancelled its autopay'));
    // A second import of the same return changes nothing.
    expect(await applyReturn(env, { confirmationNumber: paid.confirmationNumber, code }, f.service.clock.now())).toMatchObject({ kind: 'already' });
  });

  it('puts the returned payment and the re-opened invoice on the feed', async () => {
    const { invoice, paid, trace } = await debitSent(true);
    const head = (await f.api<ChangesPage>('GET', `/v1/groups/${GROUP}/changes?after=0&limit=1`)).body.headSeq;
    await applyReturn(env, { trace, code: 'R08' }, f.service.clock.now());
    const feed = (await f.api<ChangesPage>('GET', `/v1/groups/${GROUP}/changes?after=${head}`)).body.changes;
    expect(feed.map((c) => [c.entity, c.entityId, (c.payload as { status: string }).status])).toEqual([
      ['payment', paid.confirmationNumber, 'returned'],
      ['invoice', invoice, 'open'],
    ]);
  });

  it('refuses codes it does not act on and entries it does not know', async () => {
    await expect(applyReturn(env, { trace: '999', code: 'R05' }, f.service.clock.now())).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(applyReturn(env, { trace: '021000020000000', code: 'R01' }, f.service.clock.now())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('fails an account whose prenote is returned', async () => {
    const prenote = (await f.addAccount({ nickname: 'Prenote', verification: 'prenote' })).body;
    const trace = nextTrace();
    await recordVerificationSent(f.service.db, { bankAccountId: prenote.id, trace, fileDate: '2026-11-27' }, f.service.clock.now());
    expect(await applyReturn(env, { trace, code: 'R03' }, f.service.clock.now())).toMatchObject({ kind: 'verification', bankAccountId: prenote.id, accountDisabled: true });
    const accounts = (await f.api<BankAccountList>('GET', path('/bank-accounts'))).body.accounts;
    expect(accounts.find((a) => a.id === prenote.id)).toMatchObject({ status: 'disabled', problem: returnReasonWords('R03') });
    await f.service.mail.waitForMail((m) => m.to.includes(f.admin.email) && /cannot be debited/.test(m.subject));
  });

  it.each([
    ['C01', '9876543210', { routingNumber: ROUTING.chase, last4: '3210', number: '9876543210' }],
    ['C02', ROUTING.bofa, { routingNumber: ROUTING.bofa, last4: '6789', number: '000123456789' }],
    ['C03', `${ROUTING.bofa}   55512345`, { routingNumber: ROUTING.bofa, last4: '2345', number: '55512345' }],
  ] as const)('%s corrects the account on file, encrypted, and tells the primary administrators', async (code, correctedData, expected) => {
    const { trace, account } = await debitSent(false);
    expect(await applyNotificationOfChange(env, f.service.bankCipher, { trace, code, correctedData }, f.service.clock.now())).toEqual({ bankAccountId: account.id, code });
    const [row] = await f.service.db.select().from(bankAccounts).where(eq(bankAccounts.id, account.id));
    expect(row).toMatchObject({ routingNumber: expected.routingNumber, accountLast4: expected.last4, nocCode: code });
    expect(f.service.bankCipher.decrypt(row?.accountNumberEncrypted ?? new Uint8Array(), account.id)).toBe(expected.number);
    const mail = await f.service.mail.waitForMail((m) => m.to.includes(f.admin.email) && /Bank account details updated/.test(m.subject) && m.text.includes(`ending ${expected.last4}`));
    expect(mail.text).not.toContain(expected.number.length > 4 ? expected.number : 'never');
  });

  it('refuses a correction that is not a routing or account number', async () => {
    const { trace } = await debitSent(false);
    await expect(applyNotificationOfChange(env, f.service.bankCipher, { trace, code: 'C02', correctedData: '123456789' }, f.service.clock.now())).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(applyNotificationOfChange(env, f.service.bankCipher, { trace, code: 'C01', correctedData: '12' }, f.service.clock.now())).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
