import { z } from 'zod';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { billPaySignUpRequest, invoiceNumber } from '@shared/plan-api/bill-pay';
import type { MethodInput } from '@shared/contract';
import { filled } from '../../wizards/common';
import { parseDollars } from './dollars';

const firstMessage = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Check this value');
};

/**
 * The sign-up as typed: the invoice number and the amount billed, both from the latest invoice,
 * checked with the plan's own rules (shared/plan-api/bill-pay) so the messages are the plan's.
 */
export const signUpFormSchema = z
  .object({
    groupNumber: filled(groupNumber, 'Enter the group number printed on the invoice'),
    invoiceNumber: z.string(),
    amount: z.string(),
    acceptTerms: z.boolean(),
  })
  .superRefine((v, ctx) => {
    const number = v.invoiceNumber.trim() === '' ? 'Enter the invoice number' : firstMessage(invoiceNumber, v.invoiceNumber);
    if (number) ctx.addIssue({ code: 'custom', path: ['invoiceNumber'], message: number });
    const cents = parseDollars(v.amount);
    const amount = v.amount.trim() === '' ? 'Enter the amount billed' : cents === null ? 'Enter the amount in dollars and cents, like 41,822.50' : firstMessage(billPaySignUpRequest.shape.amountCents, cents);
    if (amount) ctx.addIssue({ code: 'custom', path: ['amount'], message: amount });
    const terms = firstMessage(billPaySignUpRequest.shape.acceptTerms, v.acceptTerms);
    if (terms) ctx.addIssue({ code: 'custom', path: ['acceptTerms'], message: terms });
  });
export type SignUpValues = z.input<typeof signUpFormSchema>;
export type SignUpChecked = z.output<typeof signUpFormSchema>;

export const emptySignUp: SignUpValues = { groupNumber: '', invoiceNumber: '', amount: '', acceptTerms: false };

/** The checked form as `billPay.signUp` takes it. */
export function signUpRequest(v: SignUpChecked, termsVersion: string): MethodInput<'billPay.signUp'> {
  // Both were checked by the schema above; parsing again gives the plan's form (INV-…, cents).
  return { signUpGroupNumber: v.groupNumber.trim(), invoiceNumber: invoiceNumber.parse(v.invoiceNumber), amountCents: parseDollars(v.amount) ?? 0, termsVersion, acceptTerms: true };
}

/** The core names the group `signUpGroupNumber` and the amount in cents; the form does not. */
export const signUpAliases = { signUpGroupNumber: 'groupNumber', amountCents: 'amount' } as const;
export const signUpFieldNames = ['groupNumber', 'invoiceNumber', 'amount', 'acceptTerms'] as const;
