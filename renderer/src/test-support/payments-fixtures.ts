import type { PaymentItem } from '@shared/contract/methods/payments';
import type { AutopayState, BankAccount, Payment, PaymentAuthorization } from '@shared/plan-api/payments';
import { cutoffOf } from '@shared/domain/payment-dates';
import type { BillingInvoice } from '@shared/contract/methods/billing';

/**
 * Harbor Logistics' bank accounts, payments and autopay as the core answers them on 2026-11-27: an
 * account in each verification status, a payment in each state (the plan's and the outbox's), and
 * autopay active on the operating account.
 */

const account = (over: Partial<BankAccount> & Pick<BankAccount, 'id' | 'nickname' | 'accountLast4' | 'status'>): BankAccount => ({
  holderName: 'Harbor Logistics Inc',
  routingNumber: '121000358',
  accountType: 'checking',
  verification: { method: 'prenote', usableFrom: '2026-10-06', triesLeft: null, depositsSent: true },
  problem: null,
  inUse: false,
  addedBy: 'pat.lee',
  addedAt: '2026-09-30T15:20:00.000Z',
  ...over,
});

export const operating = account({ id: 'BA-7KQ4M2XZ', nickname: 'Operating account', accountLast4: '4321', status: 'verified', inUse: true });
export const reserve = account({
  id: 'BA-3HMP9QRS',
  nickname: 'Payroll reserve',
  accountLast4: '8810',
  accountType: 'savings',
  routingNumber: '021000021',
  status: 'verified',
  verification: { method: 'micro_deposits', usableFrom: null, triesLeft: 2, depositsSent: true },
});
export const prenoting = account({
  id: 'BA-9ZT4WX2N',
  nickname: 'New operating',
  accountLast4: '5567',
  routingNumber: '311074741',
  status: 'verifying',
  verification: { method: 'prenote', usableFrom: '2026-12-02', triesLeft: null, depositsSent: true },
  addedAt: '2026-11-25T18:00:00.000Z',
});
export const depositing = account({
  id: 'BA-6RPQ8YMB',
  nickname: 'Benefits savings',
  accountLast4: '0042',
  accountType: 'savings',
  routingNumber: '071000013',
  status: 'verifying',
  verification: { method: 'micro_deposits', usableFrom: null, triesLeft: 2, depositsSent: true },
  addedAt: '2026-11-24T16:00:00.000Z',
});
export const failed = account({
  id: 'BA-2CDF5GHJ',
  nickname: 'Old checking',
  accountLast4: '1199',
  status: 'failed',
  verification: { method: 'micro_deposits', usableFrom: null, triesLeft: 0, depositsSent: true },
  problem: 'The deposit amounts were entered wrong three times. Add the account again to start over.',
});
export const disabled = account({
  id: 'BA-8KMN3PQR',
  nickname: 'Closed payroll',
  accountLast4: '7730',
  status: 'disabled',
  problem: 'The bank says this account is closed (R02). Add another account to pay from.',
});

export const bankAccounts: BankAccount[] = [operating, reserve, prenoting, depositing, failed, disabled];

const onAccount = (a: BankAccount) => ({ id: a.id, nickname: a.nickname, accountLast4: a.accountLast4, accountType: a.accountType });

const planPayment = (over: Partial<Payment> & Pick<Payment, 'confirmationNumber' | 'amountCents' | 'paymentDate' | 'settlementDate' | 'status' | 'allocations'>): Payment => ({
  bankAccount: onAccount(operating),
  autopay: false,
  submittedBy: 'pat.lee',
  submittedAt: `${over.paymentDate}T14:00:00.000Z`,
  cancellableUntil: null,
  cancelledAt: null,
  settledAt: null,
  returnCode: null,
  returnReason: null,
  returnedAt: null,
  ...over,
});

const fromPlan = (payment: Payment, outboxId: number | null = null): PaymentItem => ({ outboxId, state: payment.status, payment, request: null, problem: null, createdAt: payment.submittedAt });

/** Payments newest first; `invoices` are the billing fixture's (December open, November paid). */
export function makePaymentsFixture(invoices: BillingInvoice[]) {
  const december = invoices.find((i) => i.periodStart === '2026-12-01');
  const november = invoices.find((i) => i.periodStart === '2026-11-01');
  if (!december || !november) throw new Error('The payments fixture needs the December and November invoices.');

  const scheduled = planPayment({
    confirmationNumber: 'PAY-261127-7KQ4M2',
    amountCents: 50_000,
    paymentDate: '2026-11-30',
    settlementDate: '2026-12-01',
    status: 'scheduled',
    allocations: [{ invoiceNumber: december.invoiceNumber, amountCents: 50_000 }],
    submittedAt: '2026-11-27T13:40:00.000Z',
    cancellableUntil: cutoffOf('2026-11-30'),
  });
  const processing = planPayment({
    confirmationNumber: 'PAY-261125-3HMP9Q',
    amountCents: 25_000,
    paymentDate: '2026-11-25',
    settlementDate: '2026-11-27',
    status: 'processing',
    allocations: [{ invoiceNumber: december.invoiceNumber, amountCents: 25_000 }],
    bankAccount: onAccount(reserve),
  });
  const returned = planPayment({
    confirmationNumber: 'PAY-261118-9ZT4WX',
    amountCents: 120_000,
    paymentDate: '2026-11-18',
    settlementDate: '2026-11-19',
    status: 'returned',
    allocations: [{ invoiceNumber: december.invoiceNumber, amountCents: 120_000 }],
    bankAccount: onAccount(disabled),
    returnCode: 'R01',
    returnReason: 'Not enough money in the account: the bank refused the debit. The invoice is open again.',
    returnedAt: '2026-11-20T15:00:00.000Z',
  });
  const cancelled = planPayment({
    confirmationNumber: 'PAY-261110-6RPQ8Y',
    amountCents: 10_000,
    paymentDate: '2026-11-12',
    settlementDate: '2026-11-13',
    status: 'cancelled',
    allocations: [{ invoiceNumber: december.invoiceNumber, amountCents: 10_000 }],
    cancelledAt: '2026-11-11T20:00:00.000Z',
  });
  const settled = planPayment({
    confirmationNumber: 'PAY-261027-2CDF5G',
    amountCents: november.amountCents,
    paymentDate: '2026-10-27',
    settlementDate: '2026-10-28',
    status: 'settled',
    allocations: [{ invoiceNumber: november.invoiceNumber, amountCents: november.amountCents }],
    autopay: true,
    submittedBy: 'Autopay',
    settledAt: '2026-10-28T16:00:00.000Z',
  });

  const queued: PaymentItem = {
    outboxId: 31,
    state: 'queued',
    payment: null,
    request: { invoiceNumbers: [december.invoiceNumber], amountCents: 30_000, bankAccountId: reserve.id, paymentDate: '2026-11-30', authorizationVersion: '2026-11', acceptAuthorization: true },
    problem: null,
    createdAt: '2026-11-27T14:30:00.000Z',
  };
  const needsNewDate: PaymentItem = {
    outboxId: 27,
    state: 'needs_new_date',
    payment: null,
    request: { invoiceNumbers: [december.invoiceNumber], amountCents: 40_000, bankAccountId: operating.id, paymentDate: '2026-11-24', authorizationVersion: '2026-11', acceptAuthorization: true },
    problem: 'Its date, 2026-11-24, passed while this computer was offline: it was not sent. Choose a new date to pay.',
    createdAt: '2026-11-23T21:00:00.000Z',
  };
  const rejected: PaymentItem = {
    outboxId: 22,
    state: 'rejected',
    payment: null,
    request: { invoiceNumbers: [december.invoiceNumber], amountCents: 15_000, bankAccountId: failed.id, paymentDate: '2026-11-20', authorizationVersion: '2026-11', acceptAuthorization: true },
    problem: 'The account Old checking (••••1199) is not verified, so it cannot be debited.',
    createdAt: '2026-11-19T17:00:00.000Z',
  };

  const payments: PaymentItem[] = [fromPlan(scheduled), queued, fromPlan(processing), needsNewDate, rejected, fromPlan(returned), fromPlan(cancelled), fromPlan(settled)];

  const autopay: AutopayState = {
    enrollment: {
      status: 'active',
      bankAccount: onAccount(operating),
      rule: { timing: 'due_date', daysBefore: null },
      authorization: { version: '2026-11', acceptedBy: 'pat.lee', acceptedAt: '2026-10-02T16:00:00.000Z' },
      suspendedReason: null,
      skipped: [],
      nextDebit: { invoiceNumber: december.invoiceNumber, amountCents: december.amountCents, paymentDate: '2026-11-30' },
    },
  };

  return { scheduled, processing, returned, cancelled, settled, queued, needsNewDate, rejected, payments, autopay };
}

export type PaymentsFixture = ReturnType<typeof makePaymentsFixture>;

export const authorizations: Record<PaymentAuthorization['kind'], PaymentAuthorization> = {
  payment: {
    kind: 'payment',
    version: '2026-11',
    text: 'I authorize Harbor Health Plan to debit {amount} from {account} on {date} by ACH, to pay the invoices shown. I may cancel this payment until 5:00 p.m. Eastern on {date}.',
  },
  autopay: {
    kind: 'autopay',
    version: '2026-11',
    text: 'I authorize Harbor Health Plan to debit each invoice’s total due from {account} {rule} by ACH, until I cancel autopay. I will be e-mailed five business days before each debit.',
  },
};

/** A one-page PDF's bytes, enough for a receipt the screen opens. */
export const receiptPdf = { fileName: 'Receipt PAY-261127-7KQ4M2.pdf', contentType: 'application/pdf', base64: 'JVBERi0xLjQKJSVFT0YK' };
