import { ContractFailure } from '@shared/contract';
import {
  autopayState,
  bankAccount,
  bankAccountList,
  payment,
  paymentAuthorization,
  type AddBankAccountRequest,
  type AutopayEnrollRequest,
  type AutopayState,
  type BankAccount,
  type Payment,
  type PaymentAuthorization,
  type VerifyMicroDepositsRequest,
} from '@shared/plan-api/payments';
import type { z } from 'zod';
import type { PlanClient, PlanRequestInit } from './plan-client';
import { planFailure } from './plan-failure';

/**
 * The plan service's Bill Pay part 2 calls the desktop makes on the user's behalf (shared/plan-api/
 * payments.ts): bank accounts, cancelling a payment, its receipt, autopay and the debit
 * authorization. Submitting a payment is the outbox's (PlanClient.submitPayment, sent by the push);
 * payments come back by the change feed. Each failure is in the contract's words; unreachable is
 * OFFLINE with the caller's explanation of what still works.
 */

const groupPath = (groupNumber: string): string => `/v1/groups/${encodeURIComponent(groupNumber)}`;

async function attempt<T>(client: PlanClient, offline: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = planFailure(error, client.url);
    throw failure.code === 'OFFLINE' ? new ContractFailure('OFFLINE', offline) : failure;
  }
}

const json = <T>(client: PlanClient, offline: string, method: string, path: string, schema: z.ZodType<T>, init: PlanRequestInit = {}): Promise<T> =>
  attempt(client, offline, () => client.json(method, path, schema, init));

const goOnline = 'Try again when you are back online.';

export const bankAccounts = async (client: PlanClient, groupNumber: string, offline: string): Promise<BankAccount[]> =>
  (await json(client, offline, 'GET', `${groupPath(groupNumber)}/bank-accounts`, bankAccountList)).accounts;

/**
 * The account number goes to the plan in this request body and nowhere else: the answer names its
 * last four digits. The key makes a retry after a lost answer safe: the plan answers it with the
 * account the first request added.
 */
export const addBankAccount = (client: PlanClient, groupNumber: string, body: AddBankAccountRequest, idempotencyKey: string): Promise<BankAccount> =>
  json(client, `A bank account is added at the plan, which cannot be reached now; nothing was kept on this computer. ${goOnline}`, 'POST', `${groupPath(groupNumber)}/bank-accounts`, bankAccount, {
    body,
    status: 201,
    headers: { 'idempotency-key': idempotencyKey },
  });

export const verifyBankAccount = (client: PlanClient, groupNumber: string, bankAccountId: string, body: VerifyMicroDepositsRequest): Promise<BankAccount> =>
  json(client, `The amounts are checked by the plan, which cannot be reached now. ${goOnline}`, 'POST', `${groupPath(groupNumber)}/bank-accounts/${encodeURIComponent(bankAccountId)}/verify`, bankAccount, {
    body,
  });

/** The plan answers with the group's accounts left, which replace what this computer kept. */
export const removeBankAccount = async (client: PlanClient, groupNumber: string, bankAccountId: string): Promise<BankAccount[]> =>
  (
    await json(client, `A bank account is removed at the plan, which cannot be reached now. ${goOnline}`, 'DELETE', `${groupPath(groupNumber)}/bank-accounts/${encodeURIComponent(bankAccountId)}`, bankAccountList)
  ).accounts;

export const cancelPayment = (client: PlanClient, groupNumber: string, confirmationNumber: string): Promise<Payment> =>
  json(
    client,
    `A scheduled payment is cancelled at the plan, which cannot be reached now, so it still stands. ${goOnline} It can be cancelled until the cut-off of its date.`,
    'POST',
    `${groupPath(groupNumber)}/payments/${encodeURIComponent(confirmationNumber)}/cancel`,
    payment,
  );

export const paymentReceipt = (client: PlanClient, groupNumber: string, confirmationNumber: string): Promise<Uint8Array> =>
  attempt(client, 'The receipt comes from the plan, which cannot be reached now. The payment itself is on this computer and can be read offline.', () =>
    client.paymentReceipt(groupNumber, confirmationNumber),
  );

export const readAutopay = (client: PlanClient, groupNumber: string, offline: string): Promise<AutopayState> => json(client, offline, 'GET', `${groupPath(groupNumber)}/autopay`, autopayState);

export const enrollAutopay = (client: PlanClient, groupNumber: string, body: AutopayEnrollRequest): Promise<AutopayState> =>
  json(client, `Autopay is set up at the plan, which cannot be reached now. ${goOnline}`, 'PUT', `${groupPath(groupNumber)}/autopay`, autopayState, { body });

export const skipAutopay = (client: PlanClient, groupNumber: string, invoiceNumber: string): Promise<AutopayState> =>
  json(client, `Skipping a debit is done at the plan, which cannot be reached now. ${goOnline}`, 'POST', `${groupPath(groupNumber)}/autopay/skip`, autopayState, { body: { invoiceNumber } });

export const cancelAutopay = (client: PlanClient, groupNumber: string): Promise<AutopayState> =>
  json(client, `Autopay is stopped at the plan, which cannot be reached now, so it still stands. ${goOnline}`, 'DELETE', `${groupPath(groupNumber)}/autopay`, autopayState);

export const readAuthorization = (client: PlanClient, kind: PaymentAuthorization['kind'], offline: string): Promise<PaymentAuthorization> =>
  json(client, offline, 'GET', `/v1/bill-pay/payment-authorization?kind=${kind}`, paymentAuthorization);
