import { ContractFailure } from '@shared/contract';
import type { AddBankAccountRequest, AutopayEnrollRequest, AutopayState, BankAccount, PaymentAuthorization, VerifyMicroDepositsRequest } from '@shared/plan-api/payments';
import type { HandlerContext } from '../../dispatch/handler-types';
import {
  addBankAccount,
  bankAccounts,
  cancelAutopay,
  enrollAutopay,
  paymentReceipt,
  readAuthorization,
  readAutopay,
  removeBankAccount,
  skipAutopay,
  verifyBankAccount,
} from '../../plan-service/payments-client';
import {
  cachedAuthorization,
  cachedAutopay,
  cachedBankAccounts,
  saveAuthorization,
  saveAutopay,
  saveBankAccount,
  saveBankAccounts,
} from '../../store/repositories/payment-cache-repository';
import { createNotification } from '../../store/repositories/notifications-repository';

/**
 * The Bill Pay calls the plan answers: bank accounts, autopay, the debit authorization and receipts.
 * Reads keep what the plan answered and fall back on it offline; changes need the plan at once (most
 * re-check the password, none can wait in a queue) and are OFFLINE while it cannot be reached. The
 * full account number of a new account is in the request to the plan only: what is kept is the
 * plan's answer, which names the last four digits.
 */

const isOffline = (error: unknown): boolean => error instanceof ContractFailure && error.code === 'OFFLINE';

/** The plan's answer when it gives one (kept), else the copy kept, else the OFFLINE failure. */
async function readThrough<T>(read: () => Promise<T>, keep: (value: T) => void, cached: () => T | null): Promise<T> {
  try {
    const value = await read();
    keep(value);
    return value;
  } catch (error) {
    const kept = isOffline(error) ? cached() : null;
    if (kept === null) throw error;
    return kept;
  }
}

const neverRead = (what: string): string => `${what} come from the plan, which cannot be reached now, and this computer has not read them yet. Try again when you are back online.`;

export const bankAccountsOf = (ctx: HandlerContext, groupNumber: string): Promise<BankAccount[]> =>
  readThrough(
    () => bankAccounts(ctx.clients.authorized(ctx.store), groupNumber, neverRead('Bank accounts')),
    (accounts) => saveBankAccounts(ctx.store.db, groupNumber, accounts, ctx.now()),
    () => cachedBankAccounts(ctx.store.db, groupNumber),
  );

/** `requestKey` is the dialog's for this account: sent again after a lost answer, it never adds a second one. */
export async function addAccount(ctx: HandlerContext, groupNumber: string, request: AddBankAccountRequest, requestKey: string): Promise<BankAccount> {
  const account = await addBankAccount(ctx.clients.authorized(ctx.store), groupNumber, request, requestKey);
  saveBankAccount(ctx.store.db, groupNumber, account, ctx.now());
  ctx.emit({ type: 'billing.changed', groupNumber });
  return account;
}

export async function verifyAccount(ctx: HandlerContext, groupNumber: string, bankAccountId: string, request: VerifyMicroDepositsRequest): Promise<BankAccount> {
  const account = await verifyBankAccount(ctx.clients.authorized(ctx.store), groupNumber, bankAccountId, request);
  saveBankAccount(ctx.store.db, groupNumber, account, ctx.now());
  ctx.emit({ type: 'billing.changed', groupNumber });
  return account;
}

export async function removeAccount(ctx: HandlerContext, groupNumber: string, bankAccountId: string): Promise<{ removed: true }> {
  const left = await removeBankAccount(ctx.clients.authorized(ctx.store), groupNumber, bankAccountId);
  saveBankAccounts(ctx.store.db, groupNumber, left, ctx.now());
  ctx.emit({ type: 'billing.changed', groupNumber });
  return { removed: true };
}

export const autopayOf = (ctx: HandlerContext, groupNumber: string): Promise<AutopayState> =>
  readThrough(
    () => readAutopay(ctx.clients.authorized(ctx.store), groupNumber, neverRead('Autopay’s settings')),
    (state) => {
      const before = cachedAutopay(ctx.store.db, groupNumber)?.enrollment?.status;
      saveAutopay(ctx.store.db, groupNumber, state, ctx.now());
      if (before !== undefined && state.enrollment !== null && state.enrollment.status !== before) announceAutopay(ctx, groupNumber, state.enrollment);
    },
    () => cachedAutopay(ctx.store.db, groupNumber),
  );

const autopayWords = { active: 'is active again', suspended: 'was suspended', cancelled: 'was stopped' } as const;

/** Autopay changed at the plan since this computer last read it (suspended after a return, most often): the user is told, in plain words. */
function announceAutopay(ctx: HandlerContext, groupNumber: string, enrollment: NonNullable<AutopayState['enrollment']>): void {
  const why = enrollment.suspendedReason === null ? '' : ` ${enrollment.suspendedReason}`;
  const events = createNotification(ctx.store.db, {
    groupNumber,
    kind: 'autopay.changed',
    title: `Autopay ${autopayWords[enrollment.status]} for group ${groupNumber}`,
    body: `Autopay from ${enrollment.bankAccount.nickname} (ending ${enrollment.bankAccount.accountLast4}) ${autopayWords[enrollment.status]}.${why}`,
    link: '#/billing/autopay',
    outboxRef: null,
    createdAt: ctx.now(),
  });
  for (const event of events) ctx.emit(event);
}

/** Enrolling, skipping and stopping: the plan's new state is kept and shown. */
export async function changeAutopay(ctx: HandlerContext, groupNumber: string, change: { enroll: AutopayEnrollRequest } | { skip: string } | { cancel: true }): Promise<AutopayState> {
  const client = ctx.clients.authorized(ctx.store);
  const state = 'enroll' in change ? await enrollAutopay(client, groupNumber, change.enroll) : 'skip' in change ? await skipAutopay(client, groupNumber, change.skip) : await cancelAutopay(client, groupNumber);
  saveAutopay(ctx.store.db, groupNumber, state, ctx.now());
  ctx.emit({ type: 'billing.changed', groupNumber });
  return state;
}

export const authorizationOf = (ctx: HandlerContext, kind: PaymentAuthorization['kind']): Promise<PaymentAuthorization> =>
  readThrough(
    () => readAuthorization(ctx.clients.authorized(ctx.store), kind, neverRead('The debit authorization’s words')),
    (authorization) => saveAuthorization(ctx.store.db, authorization, ctx.now()),
    () => cachedAuthorization(ctx.store.db, kind),
  );

export async function receiptFile(ctx: HandlerContext, groupNumber: string, confirmationNumber: string): Promise<{ fileName: string; contentType: string; base64: string }> {
  const bytes = await paymentReceipt(ctx.clients.authorized(ctx.store), groupNumber, confirmationNumber);
  return { fileName: `${confirmationNumber}.pdf`, contentType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
}
