import { z } from 'zod';
import { method } from '../define';
import { groupNumber, isoInstant } from '../schemas/primitives';
import { requestKey } from '../../plan-api/idempotency-key';
import { invoiceNumber } from '../../plan-api/bill-pay';
import {
  addBankAccountRequest,
  authorizationKinds,
  autopayEnrollRequest,
  autopayState,
  bankAccount,
  bankAccountId,
  payment,
  paymentAuthorization,
  paymentConfirmation,
  paymentRequest,
  verifyMicroDepositsRequest,
} from '../../plan-api/payments';

/**
 * Bill Pay part 2 on the desktop. Payments go through the outbox like eligibility changes (one
 * idempotency key per submit, so a double click, a retry or a crash never debits twice) and come back
 * through the change feed (entity `payment`), so the history reads offline. Bank accounts and autopay
 * are asked of the plan when online and kept for reading offline; adding an account or enrolling in
 * autopay needs the plan at once (the password is checked again) and never queues. The full account
 * number passes through the core to the plan and is never stored on this computer.
 */

const printable = z.object({ fileName: z.string(), contentType: z.string(), base64: z.string() });

/** A payment as the desktop knows it: the plan's record, or a submit still in the outbox. */
export const localPaymentStates = ['queued', 'sending', 'needs_new_date', 'rejected'] as const;

export const paymentItem = z.object({
  /** The outbox row of the submit (null for a payment made elsewhere, e.g. by autopay or another desktop). */
  outboxId: z.number().int().positive().nullable(),
  /**
   * Where it stands: the plan's status once it answered, else the outbox's — `queued` (waiting to be
   * sent), `sending`, `needs_new_date` (its date passed while offline: it is never sent without the user
   * choosing a new one), `rejected` (the plan refused it, with its reasons).
   */
  state: z.enum([...localPaymentStates, 'scheduled', 'processing', 'settled', 'returned', 'cancelled']),
  /** The plan's record, once it accepted the payment. */
  payment: payment.nullable(),
  /** What was asked, for a payment the plan has not answered (amount, date, account, invoices). */
  request: paymentRequest.omit({ acceptAuthorization: true }).extend({ acceptAuthorization: z.literal(true) }).nullable(),
  /** Why the plan refused it, or why it waits for a new date. */
  problem: z.string().nullable(),
  createdAt: isoInstant,
});
export type PaymentItem = z.infer<typeof paymentItem>;

export const paymentsMethods = {
  'payments.authorization': method({
    summary: 'The debit authorization in force, for one payment or for autopay, with its version.',
    permission: 'none',
    input: z.object({ kind: z.enum(authorizationKinds) }).strict(),
    output: paymentAuthorization,
  }),
  'payments.bankAccounts': method({
    summary: 'The group’s bank accounts (last four digits only) with their verification status.',
    permission: 'billing.read',
    input: z.object({ groupNumber }).strict(),
    output: z.array(bankAccount),
  }),
  'payments.addBankAccount': method({
    summary: 'Add a bank account (the password is asked again) and start its verification by prenote or micro-deposits.',
    permission: 'billing.write',
    // The refinement of the plan's request (the two numbers match) is checked again by the plan.
    input: addBankAccountRequest.and(z.object({ groupNumber, requestKey })),
    output: bankAccount,
  }),
  'payments.verifyBankAccount': method({
    summary: 'Enter the two micro-deposit amounts to verify an account (three tries).',
    permission: 'billing.write',
    input: verifyMicroDepositsRequest.extend({ groupNumber, bankAccountId }).strict(),
    output: bankAccount,
  }),
  'payments.removeBankAccount': method({
    summary: 'Remove a bank account no payment or autopay uses.',
    permission: 'billing.write',
    input: z.object({ groupNumber, bankAccountId }).strict(),
    output: z.object({ removed: z.literal(true) }),
  }),
  'payments.submit': method({
    summary: 'Pay invoices from a verified account: queued with an idempotency key, sent when the plan is reachable.',
    permission: 'billing.write',
    input: paymentRequest.extend({ groupNumber, replaces: z.number().int().positive().optional() }).strict(),
    output: paymentItem,
  }),
  'payments.list': method({
    summary: 'The group’s payments, newest first: scheduled, processing, settled, returned or cancelled, and those still in the outbox.',
    permission: 'billing.read',
    input: z.object({ groupNumber }).strict(),
    output: z.array(paymentItem),
  }),
  'payments.cancel': method({
    summary: 'Cancel a payment before its date’s cut-off (or one still in the outbox).',
    permission: 'billing.write',
    input: z.union([z.object({ groupNumber, confirmationNumber: paymentConfirmation }).strict(), z.object({ groupNumber, outboxId: z.number().int().positive() }).strict()]),
    output: paymentItem,
  }),
  'payments.receipt': method({
    summary: 'The receipt of a payment as a PDF.',
    permission: 'billing.read',
    input: z.object({ groupNumber, confirmationNumber: paymentConfirmation }).strict(),
    output: printable,
  }),
  'payments.autopay': method({
    summary: 'The group’s autopay enrollment, its rule and its next debit.',
    permission: 'billing.read',
    input: z.object({ groupNumber }).strict(),
    output: autopayState,
  }),
  'payments.enrollAutopay': method({
    summary: 'Enroll in autopay, or change its account or rule (the password is asked again).',
    permission: 'billing.write',
    input: autopayEnrollRequest.extend({ groupNumber }).strict(),
    output: autopayState,
  }),
  'payments.skipAutopay': method({
    summary: 'Skip autopay’s debit of one invoice, before its cut-off.',
    permission: 'billing.write',
    input: z.object({ groupNumber, invoiceNumber }).strict(),
    output: autopayState,
  }),
  'payments.cancelAutopay': method({
    summary: 'Stop autopay; payments already in an ACH file still settle.',
    permission: 'billing.write',
    input: z.object({ groupNumber }).strict(),
    output: autopayState,
  }),
} as const;
