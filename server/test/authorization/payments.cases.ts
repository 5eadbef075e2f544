import { randomUUID } from 'node:crypto';
import { groupRoute, type AuthorizationCase } from '../../test-support/authorization';
import { goodPassword } from '../../test-support/fixtures';

/**
 * Every role of the group sees bank accounts, payments and autopay (billing.read); only those who
 * pay (billing.write: primary administrators, billing users) add accounts, pay and enroll. The
 * table's group has no invoice, account or enrollment: past authorization, writes naming one are
 * 404s, and an added account (the callers' password is the fixtures' own) is a 201.
 */
const readsBilling = ['primary_admin', 'admin', 'billing', 'read_only'] as const;
const pays = ['primary_admin', 'billing'] as const;
const account = 'BA-00000000';
const payment = 'PAY-261127-7KQ4M2';
const invoice = (g: string) => `INV-${g}-202612-7KQ4M2`;

export const paymentCases: AuthorizationCase[] = [
  { name: 'GET /v1/groups/:groupNumber/bank-accounts', method: 'GET', path: (g) => `/v1/groups/${g}/bank-accounts`, expect: groupRoute(200, readsBilling) },
  {
    name: 'POST /v1/groups/:groupNumber/bank-accounts',
    method: 'POST',
    path: (g) => `/v1/groups/${g}/bank-accounts`,
    body: () => ({ nickname: 'Operating', holderName: 'Acme Tools', routingNumber: '021000021', accountNumber: '12345678', accountNumberAgain: '12345678', accountType: 'checking', verification: 'prenote', password: goodPassword }),
    expect: groupRoute(201, pays),
  },
  { name: 'POST /v1/groups/:groupNumber/bank-accounts/:id/verify', method: 'POST', path: (g) => `/v1/groups/${g}/bank-accounts/${account}/verify`, body: () => ({ amountsCents: [12, 34] }), expect: groupRoute(404, pays) },
  { name: 'DELETE /v1/groups/:groupNumber/bank-accounts/:id', method: 'DELETE', path: (g) => `/v1/groups/${g}/bank-accounts/${account}`, expect: groupRoute(404, pays) },
  {
    name: 'GET /v1/bill-pay/payment-authorization',
    method: 'GET',
    path: () => '/v1/bill-pay/payment-authorization?kind=autopay',
    // The words a payer accepts are public, like the Bill Pay terms.
    expect: { primary_admin: 200, admin: 200, billing: 200, read_only: 200, outsider: 200, anonymous: 200 },
  },
  { name: 'GET /v1/groups/:groupNumber/payments', method: 'GET', path: (g) => `/v1/groups/${g}/payments`, expect: groupRoute(200, readsBilling) },
  {
    name: 'POST /v1/groups/:groupNumber/payments',
    method: 'POST',
    path: (g) => `/v1/groups/${g}/payments`,
    body: ({ groupNumber }) => ({ invoiceNumbers: [invoice(groupNumber)], amountCents: 100, bankAccountId: account, paymentDate: '2026-11-30', authorizationVersion: '2026-12', acceptAuthorization: true }),
    headers: () => ({ 'idempotency-key': randomUUID() }),
    expect: groupRoute(404, pays),
  },
  { name: 'POST /v1/groups/:groupNumber/payments/:confirmationNumber/cancel', method: 'POST', path: (g) => `/v1/groups/${g}/payments/${payment}/cancel`, expect: groupRoute(404, pays) },
  { name: 'GET /v1/groups/:groupNumber/payments/:confirmationNumber/receipt', method: 'GET', path: (g) => `/v1/groups/${g}/payments/${payment}/receipt`, expect: groupRoute(404, readsBilling) },
  { name: 'GET /v1/groups/:groupNumber/autopay', method: 'GET', path: (g) => `/v1/groups/${g}/autopay`, expect: groupRoute(200, readsBilling) },
  {
    name: 'PUT /v1/groups/:groupNumber/autopay',
    method: 'PUT',
    path: (g) => `/v1/groups/${g}/autopay`,
    body: () => ({ bankAccountId: account, rule: { timing: 'due_date', daysBefore: null }, authorizationVersion: '2026-12', acceptAuthorization: true, password: goodPassword }),
    expect: groupRoute(404, pays),
  },
  { name: 'POST /v1/groups/:groupNumber/autopay/skip', method: 'POST', path: (g) => `/v1/groups/${g}/autopay/skip`, body: ({ groupNumber }) => ({ invoiceNumber: invoice(groupNumber) }), expect: groupRoute(404, pays) },
  { name: 'DELETE /v1/groups/:groupNumber/autopay', method: 'DELETE', path: (g) => `/v1/groups/${g}/autopay`, expect: groupRoute(404, pays) },
];
