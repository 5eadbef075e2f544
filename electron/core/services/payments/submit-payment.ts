import { randomUUID } from 'node:crypto';
import { ContractFailure } from '@shared/contract';
import type { PaymentItem } from '@shared/contract/methods/payments';
import { allocateOldestFirst } from '@shared/domain/payment-allocation';
import { paymentDateProblem } from '@shared/domain/payment-dates';
import type { BankAccount } from '@shared/plan-api/payments';
import { formatUsd } from '@shared/util/money';
import { markCorrected } from '../../outbox/outbox-repository';
import { insertPaymentRow, requirePaymentRow, type StoredPaymentRequest } from '../../outbox/payment-outbox-rows';
import { cachedBankAccounts } from '../../store/repositories/payment-cache-repository';
import { statement } from '../../store/statements';
import type { Store } from '../../store/store';
import { actingUserId } from '../transactions/acting-user';
import { openInvoices, type PayableInvoice } from './open-invoices';
import { itemOfRow } from './payment-items';

export interface PaymentEnv {
  store: Store;
  /** The core's clock (ISO instant): the cut-off and the earliest date are counted from it. */
  now: string;
}

/**
 * Checks a payment against what this computer knows and queues it: ONE outbox row with a fresh
 * idempotency key, written in one SQLite transaction with the correction of the submit it replaces
 * (one whose date passed unsent, or one the plan refused). The plan checks it all again.
 */
export function queuePayment(env: PaymentEnv, groupNumber: string, request: StoredPaymentRequest, replaces: number | undefined): PaymentItem {
  const { db } = env.store;
  return db.transaction((): PaymentItem => {
    if (replaces !== undefined) checkReplaced(env, groupNumber, replaces);
    checkAccount(cachedBankAccounts(db, groupNumber)?.find((a) => a.id === request.bankAccountId), request.paymentDate);
    const named = namedInvoices(env, groupNumber, request.invoiceNumbers);
    const dueDate = named.reduce((latest, i) => (i.dueDate > latest ? i.dueDate : latest), named[0]?.dueDate ?? '');
    const dateProblem = paymentDateProblem(request.paymentDate, new Date(env.now), dueDate);
    if (dateProblem !== null) throw new ContractFailure('RULE', `${dateProblem}.`, { paymentDate: dateProblem });
    const { unallocatedCents } = allocateOldestFirst(request.amountCents, named);
    if (unallocatedCents > 0) {
      const open = formatUsd(named.reduce((sum, i) => sum + i.openCents, 0));
      throw new ContractFailure('RULE', `The chosen invoices have ${open} open: a payment cannot be more than that.`, { amountCents: `At most ${open}` });
    }
    const id = insertPaymentRow(db, {
      idempotencyKey: randomUUID(),
      groupNumber,
      request,
      summary: `Payment of ${formatUsd(request.amountCents)} on ${request.paymentDate}`,
      createdBy: actingUserId(db),
      now: env.now,
    });
    if (replaces !== undefined) markCorrected(db, replaces, id, env.now);
    return itemOfRow(requirePaymentRow(db, groupNumber, id));
  })();
}

function checkReplaced(env: PaymentEnv, groupNumber: string, replaces: number): void {
  const row = requirePaymentRow(env.store.db, groupNumber, replaces, 'replaces');
  if (row.status !== 'needs_new_date' && row.status !== 'rejected') {
    throw new ContractFailure('RULE', `Payment #${replaces} is ${row.status.replace(/_/g, ' ')}: only one waiting for a new date or refused by the plan can be corrected.`, { replaces: 'Cannot be corrected' });
  }
}

const accountProblems: Record<Exclude<BankAccount['status'], 'verified'>, string> = {
  verifying: 'is not verified yet',
  failed: 'failed verification',
  disabled: 'can no longer be debited',
};

/** An account this computer knows must be verified, and usable by the date (a prenote's wait). One it does not know is left to the plan. */
function checkAccount(account: BankAccount | undefined, paymentDate: string): void {
  if (account === undefined) return;
  if (account.status !== 'verified') {
    const why = account.problem === null ? '' : ` ${account.problem}`;
    throw new ContractFailure('RULE', `The account ${account.nickname} (ending ${account.accountLast4}) ${accountProblems[account.status]}.${why}`, { bankAccountId: 'Not verified' });
  }
  const usableFrom = account.verification.usableFrom;
  if (usableFrom !== null && paymentDate < usableFrom) {
    throw new ContractFailure('RULE', `The account ${account.nickname} can be debited from ${usableFrom}, once its verification entry has cleared.`, { paymentDate: `From ${usableFrom}` });
  }
}

/** The named invoices with what is open on each: every one must be the group's, and together they must still owe something. */
function namedInvoices(env: PaymentEnv, groupNumber: string, invoiceNumbers: readonly string[]): PayableInvoice[] {
  const { db } = env.store;
  const open = new Map(openInvoices(db, groupNumber).map((i) => [i.invoiceNumber, i]));
  const named = [...new Set(invoiceNumbers)].flatMap((number) => {
    const invoice = open.get(number);
    if (invoice !== undefined) return [invoice];
    const known = statement(db, 'SELECT 1 FROM invoices WHERE invoice_number = ? AND group_number = ?').pluck().get(number, groupNumber) !== undefined;
    if (!known) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no invoice ${number} on this computer.`, { invoiceNumbers: `${number} not found` });
    // Paid: it takes nothing of the payment.
    return [];
  });
  if (!named.some((i) => i.openCents > 0)) {
    throw new ContractFailure('RULE', 'The chosen invoices have nothing left to pay: they are paid, or covered by payments already made or queued.', { invoiceNumbers: 'Nothing left to pay' });
  }
  return named;
}
