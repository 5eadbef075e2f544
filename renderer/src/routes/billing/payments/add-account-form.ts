import { z } from 'zod';
import { accountNumber, addBankAccountRequest, nickname, routingNumber } from '@shared/plan-api/payments';
import { filled } from '../../../wizards/common';

/**
 * The add-account form, checked with the plan's own field rules so a message at a field is the one
 * the plan would answer with: the routing number by prefix and checksum, the account number's digits,
 * and the two account numbers alike.
 */
export const addAccountForm = z
  .object({
    nickname: filled(nickname, 'Give the account a nickname, e.g. Operating account'),
    holderName: filled(addBankAccountRequest.shape.holderName, 'Enter the account holder’s name as the bank has it'),
    routingNumber: filled(routingNumber, 'Enter the routing number'),
    accountNumber: filled(accountNumber, 'Enter the account number'),
    accountNumberAgain: filled(z.string(), 'Type the account number again'),
    accountType: z.string().pipe(z.enum(['checking', 'savings'], { error: 'Choose checking or savings' })),
    verification: z.string().pipe(z.enum(['prenote', 'micro_deposits'], { error: 'Choose how to verify the account' })),
    password: filled(z.string(), 'Enter your password'),
  })
  .refine((v) => v.accountNumber.replace(/[\s-]/g, '') === v.accountNumberAgain.replace(/[\s-]/g, ''), { message: 'The two account numbers differ', path: ['accountNumberAgain'] });

export type AddAccountValues = z.input<typeof addAccountForm>;
export type AddAccountParsed = z.output<typeof addAccountForm>;

export const addAccountFields = ['nickname', 'holderName', 'routingNumber', 'accountNumber', 'accountNumberAgain', 'accountType', 'verification', 'password'] as const;

export const emptyAccount: AddAccountValues = { nickname: '', holderName: '', routingNumber: '', accountNumber: '', accountNumberAgain: '', accountType: '', verification: '', password: '' };

export const verificationOptions = [
  {
    value: 'prenote',
    label: 'Prenote',
    detail: 'A zero-dollar test entry goes to your bank in the next ACH file. Nothing to do: the account can be debited three banking days after, if the bank does not return it.',
  },
  {
    value: 'micro_deposits',
    label: 'Two small deposits',
    detail: 'Two deposits under $1.00 arrive in a day or two. Enter both amounts here (three tries) and the account can be debited at once.',
  },
] as const;

export const accountTypeOptions = [
  { value: 'checking', label: 'Checking' },
  { value: 'savings', label: 'Savings' },
] as const;
