/**
 * The ACH return and notification-of-change codes the plan acts on, in the words a payer reads, and
 * what each does to the payment's bank account and the group's autopay. The plan service applies
 * them when it imports a returns file; the desktop shows the same words beside a returned payment.
 */
export type AutopayEffect = 'none' | 'suspend' | 'cancel';

export interface ReturnCodeRule {
  /** What happened, in plain words. */
  reason: string;
  /** What the payer should do next. */
  nextStep: string;
  /** The account cannot be debited again (closed, unknown, frozen, or the authorization revoked). */
  disablesAccount: boolean;
  autopay: AutopayEffect;
}

export const returnCodes = {
  R01: {
    reason: 'The account did not have enough money for the debit (insufficient funds).',
    nextStep: 'Make sure the funds are there, then pay the invoice again.',
    disablesAccount: false,
    autopay: 'suspend',
  },
  R02: { reason: 'The bank says the account is closed.', nextStep: 'Add an open account and pay the invoice again.', disablesAccount: true, autopay: 'suspend' },
  R03: {
    reason: 'The bank could not find an account with this number and name.',
    nextStep: 'Check the routing and account numbers, add the account again and pay the invoice again.',
    disablesAccount: true,
    autopay: 'suspend',
  },
  R04: { reason: 'The bank says the account number is not valid.', nextStep: 'Check the account number, add the account again and pay the invoice again.', disablesAccount: true, autopay: 'suspend' },
  R07: {
    reason: 'Your company told its bank it withdrew the authorization for this debit.',
    nextStep: 'The plan will not debit this account again; to pay by ACH, add an account and authorize a new payment.',
    disablesAccount: true,
    autopay: 'cancel',
  },
  R08: { reason: 'Your company asked its bank to stop this payment.', nextStep: 'Pay the invoice again when you are ready.', disablesAccount: false, autopay: 'none' },
  R10: {
    reason: 'Your company’s bank says the debit was not authorized.',
    nextStep: 'The plan will not debit this account again; to pay by ACH, add an account and authorize a new payment.',
    disablesAccount: true,
    autopay: 'cancel',
  },
  R16: { reason: 'The bank has frozen the account.', nextStep: 'Add another account and pay the invoice again.', disablesAccount: true, autopay: 'suspend' },
  R20: {
    reason: 'The bank says this account cannot be debited (a non-transaction account).',
    nextStep: 'Add a checking or savings account that allows debits and pay the invoice again.',
    disablesAccount: true,
    autopay: 'suspend',
  },
  R29: {
    reason: 'Your company told its bank that it did not authorize debits from the plan.',
    nextStep: 'Ask your bank to allow the plan’s debits (its ACH debit block or filter), then add the account again and authorize a new payment.',
    disablesAccount: true,
    autopay: 'cancel',
  },
} as const satisfies Record<string, ReturnCodeRule>;

export type ReturnCode = keyof typeof returnCodes;
export const isReturnCode = (code: string): code is ReturnCode => Object.hasOwn(returnCodes, code);

/** A returned payment's reason as the payer reads it: what happened, then what to do. */
export const returnReasonWords = (code: ReturnCode): string => `${returnCodes[code].reason} ${returnCodes[code].nextStep}`;

/** Notifications of change: the bank debited the account but says a detail on file is out of date. */
export const changeCodes = {
  C01: { corrects: 'account', words: 'The bank corrected the account number on file.' },
  C02: { corrects: 'routing', words: 'The bank corrected the routing number on file (the bank may have merged).' },
  C03: { corrects: 'routing_and_account', words: 'The bank corrected both the routing number and the account number on file.' },
} as const satisfies Record<string, { corrects: 'account' | 'routing' | 'routing_and_account'; words: string }>;

export type ChangeCode = keyof typeof changeCodes;
export const isChangeCode = (code: string): code is ChangeCode => Object.hasOwn(changeCodes, code);
