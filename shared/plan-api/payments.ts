import { z } from 'zod';
import { cents, isoDate, isoInstant, personName } from '../contract/schemas/primitives';
import { routingProblem, routingProblemMessages } from '../domain/aba-routing';
import { invoiceNumber, termsVersion } from './bill-pay';

/**
 * Bill Pay part 2: paying invoices by ACH debit from the employer's bank account (CCD entries the plan
 * originates through its bank). Every route here is under /v1/groups/:groupNumber; reading needs
 * billing.read, changing needs billing.write. Money is integer cents end to end. The full bank
 * account number goes in once, when the account is added, and never comes back: the plan keeps it
 * encrypted under its own key and answers with the last four digits only.
 */

/** Nine digits, spaces ignored, checked by prefix and checksum (shared/domain/aba-routing.ts). */
export const routingNumber = z
  .string({ error: 'Enter the routing number' })
  .transform((s) => s.replace(/\s/g, ''))
  .superRefine((value, ctx) => {
    const problem = routingProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: routingProblemMessages[problem] });
  });

/** 4–17 digits as printed on a check; spaces and dashes are ignored. */
export const accountNumber = z
  .string({ error: 'Enter the account number' })
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{4,17}$/, 'An account number is 4 to 17 digits'));

export const accountTypes = ['checking', 'savings'] as const;
export const accountType = z.enum(accountTypes, { error: 'Choose checking or savings' });
export type AccountType = z.infer<typeof accountType>;

/**
 * - `prenote`: a zero-dollar entry goes in the next ACH file; the account is usable once three banking
 *   days pass after it settles without a return.
 * - `micro_deposits`: two credits under a dollar go in the next file; the user enters both amounts
 *   (three tries) and the account is usable at once.
 */
export const verificationMethods = ['prenote', 'micro_deposits'] as const;
export const verificationMethod = z.enum(verificationMethods, { error: 'Choose how to verify the account' });
export type VerificationMethod = z.infer<typeof verificationMethod>;

/** `verifying` until proved; `verified` may be debited; `failed` (wrong amounts three times, a returned prenote) and `disabled` (a return such as R02, R03, R04) may not. */
export const bankAccountStatuses = ['verifying', 'verified', 'failed', 'disabled'] as const;
export const bankAccountStatus = z.enum(bankAccountStatuses);
export type BankAccountStatus = z.infer<typeof bankAccountStatus>;

export const nickname = z.string().trim().min(1, 'Give the account a nickname, e.g. Operating account').max(40, 'A nickname is at most 40 characters');

/** POST /v1/groups/:g/bank-accounts (billing.write). The password is asked again: this can move money. */
export const addBankAccountRequest = z
  .object({
    nickname,
    holderName: personName.pipe(z.string().max(22, 'The bank reads at most 22 characters of the holder’s name')),
    routingNumber,
    accountNumber,
    accountNumberAgain: z.string({ error: 'Type the account number again' }).transform((s) => s.replace(/[\s-]/g, '')),
    accountType,
    verification: verificationMethod,
    password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
  })
  .strict()
  .refine((r) => r.accountNumber === r.accountNumberAgain, { message: 'The two account numbers differ', path: ['accountNumberAgain'] });
export type AddBankAccountRequest = z.input<typeof addBankAccountRequest>;

export const bankAccountId = z.string().regex(/^BA-[0-9A-HJKMNP-TV-Z]{8}$/, 'A bank account ID looks like BA-7KQ4M2XZ');

/** A bank account as every answer shows it: the routing number (public) and the last four digits only. */
export const bankAccount = z.object({
  id: bankAccountId,
  nickname: z.string(),
  holderName: z.string(),
  routingNumber: z.string(),
  accountLast4: z.string().regex(/^\d{4}$/),
  accountType,
  status: bankAccountStatus,
  verification: z.object({
    method: verificationMethod,
    /** Prenote: the first day a debit may be dated; null until the prenote was sent, or for micro-deposits. */
    usableFrom: isoDate.nullable(),
    /** Micro-deposits: tries left to enter the amounts; null for a prenote. */
    triesLeft: z.number().int().min(0).max(3).nullable(),
    /** Micro-deposits: whether they were sent in a file, so the amounts can be looked for on a statement. */
    depositsSent: z.boolean(),
  }),
  /** Why it may not be debited (a return's plain words), when failed or disabled. */
  problem: z.string().nullable(),
  /** A scheduled or processing payment, or active autopay, uses it: it cannot be removed. */
  inUse: z.boolean(),
  addedBy: z.string(),
  addedAt: isoInstant,
});
export type BankAccount = z.infer<typeof bankAccount>;

export const bankAccountList = z.object({ accounts: z.array(bankAccount) });
export type BankAccountList = z.infer<typeof bankAccountList>;

/** POST /v1/groups/:g/bank-accounts/:id/verify (billing.write): the two micro-deposit amounts, in cents, in any order. */
export const verifyMicroDepositsRequest = z
  .object({
    amountsCents: z.tuple([cents.min(1).max(99), cents.min(1).max(99)], { error: 'Enter both amounts, each under $1.00' }),
  })
  .strict();
export type VerifyMicroDepositsRequest = z.infer<typeof verifyMicroDepositsRequest>;

/**
 * The authorization a payer accepts, by version: for a one-time payment (`payment`) and for autopay
 * (`autopay`). GET /v1/bill-pay/payment-authorization?kind=…; a request must name the version shown.
 */
export const authorizationKinds = ['payment', 'autopay'] as const;
export const paymentAuthorization = z.object({
  kind: z.enum(authorizationKinds),
  version: termsVersion,
  /** Plain text with `{amount}`, `{account}`, `{date}` and (autopay) `{rule}` filled in by the client for the review step. */
  text: z.string(),
});
export type PaymentAuthorization = z.infer<typeof paymentAuthorization>;

export const paymentStatuses = ['scheduled', 'processing', 'settled', 'returned', 'cancelled'] as const;
export const paymentStatus = z.enum(paymentStatuses);
export type PaymentStatus = z.infer<typeof paymentStatus>;

/** PAY-<YYMMDD>-<6 random>: the confirmation number of a payment. */
export const paymentConfirmation = z.string().regex(/^PAY-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/, 'A payment confirmation looks like PAY-261207-7KQ4M2');

/**
 * POST /v1/groups/:g/payments (billing.write), with an Idempotency-Key header: a retry with the same
 * key answers the first payment, never a second debit. The amount is allocated to the named open
 * invoices oldest first (shared/domain/payment-allocation.ts); more than they owe is refused.
 */
export const paymentRequest = z
  .object({
    invoiceNumbers: z.array(invoiceNumber).min(1, 'Choose at least one invoice').max(24),
    amountCents: cents.positive('Enter an amount above $0.00'),
    bankAccountId,
    paymentDate: isoDate,
    authorizationVersion: termsVersion,
    acceptAuthorization: z.literal(true, 'Accept the debit authorization to pay'),
  })
  .strict();
export type PaymentRequest = z.input<typeof paymentRequest>;

export const paymentAllocation = z.object({ invoiceNumber: z.string(), amountCents: cents });

export const payment = z.object({
  confirmationNumber: paymentConfirmation,
  amountCents: cents,
  /** The ACH file's date. */
  paymentDate: isoDate,
  /** When the debit settles: the next banking day. */
  settlementDate: isoDate,
  status: paymentStatus,
  bankAccount: bankAccount.pick({ id: true, nickname: true, accountLast4: true, accountType: true }),
  allocations: z.array(paymentAllocation),
  autopay: z.boolean(),
  submittedBy: z.string(),
  submittedAt: isoInstant,
  /** Until then it can be cancelled (its date's cut-off); null once it cannot. */
  cancellableUntil: isoInstant.nullable(),
  cancelledAt: isoInstant.nullable(),
  settledAt: isoInstant.nullable(),
  /** An ACH return: its code (R01…) and what it means in plain words. */
  returnCode: z.string().nullable(),
  returnReason: z.string().nullable(),
  returnedAt: isoInstant.nullable(),
});
export type Payment = z.infer<typeof payment>;

export const paymentList = z.object({ payments: z.array(payment) });
export type PaymentList = z.infer<typeof paymentList>;

/** The autopay rule: each invoice's total due, debited on its due date or a number of days before. */
export const autopayRule = z
  .object({
    timing: z.enum(['due_date', 'days_before'], { error: 'Choose when to debit' }),
    daysBefore: z.number().int().min(1, 'At least 1 day before').max(10, 'At most 10 days before').nullable(),
  })
  .strict()
  .refine((r) => (r.timing === 'days_before') === (r.daysBefore !== null), { message: 'Say how many days before the due date', path: ['daysBefore'] });
export type AutopayRule = z.infer<typeof autopayRule>;

/** PUT /v1/groups/:g/autopay (billing.write): enroll, or change account or rule; the password is asked again. */
export const autopayEnrollRequest = z
  .object({
    bankAccountId,
    rule: autopayRule,
    authorizationVersion: termsVersion,
    acceptAuthorization: z.literal(true, 'Accept the autopay authorization to enroll'),
    password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
  })
  .strict();
export type AutopayEnrollRequest = z.input<typeof autopayEnrollRequest>;

/** POST /v1/groups/:g/autopay/skip (billing.write): skip the debit of one invoice, before its cut-off. */
export const autopaySkipRequest = z.object({ invoiceNumber }).strict();

export const autopayStatuses = ['active', 'suspended', 'cancelled'] as const;

/** GET /v1/groups/:g/autopay (billing.read): null `enrollment` when the group never enrolled. */
export const autopayState = z.object({
  enrollment: z
    .object({
      status: z.enum(autopayStatuses),
      bankAccount: bankAccount.pick({ id: true, nickname: true, accountLast4: true, accountType: true }),
      rule: autopayRule,
      authorization: z.object({ version: termsVersion, acceptedBy: z.string(), acceptedAt: isoInstant }),
      /** Why it is suspended (a return's plain words and what to do). */
      suspendedReason: z.string().nullable(),
      /** Invoices whose debit the user skipped. */
      skipped: z.array(z.string()),
      /** The next debit autopay will make, if any. */
      nextDebit: z.object({ invoiceNumber: z.string(), amountCents: cents, paymentDate: isoDate }).nullable(),
    })
    .nullable(),
});
export type AutopayState = z.infer<typeof autopayState>;
