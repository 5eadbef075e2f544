import { z } from 'zod';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { billPaySignUpFields, invoiceNumber } from '@shared/plan-api/bill-pay';
import type { MethodInput } from '@shared/contract';
import { filled } from '../../wizards/common';
import { parseDollars } from './dollars';

/** Which detail of the latest invoice the user proves the group with. */
export const proofOptions = [
  { value: 'invoiceNumber', label: 'Invoice number' },
  { value: 'amount', label: 'Amount billed' },
] as const;

const firstMessage = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Check this value');
};

/**
 * The sign-up as typed: the proof's field is checked only when it is the chosen one, with the plan's
 * own rules (shared/plan-api/bill-pay) so the messages are the plan's.
 */
export const signUpFormSchema = z
  .object({
    groupNumber: filled(groupNumber, 'Enter the group number printed on the invoice'),
    proof: z.string().pipe(z.enum(['invoiceNumber', 'amount'], { error: 'Choose which detail of the latest invoice you will enter' })),
    invoiceNumber: z.string(),
    amount: z.string(),
    acceptTerms: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.proof === 'invoiceNumber') {
      const message = v.invoiceNumber.trim() === '' ? 'Enter the invoice number' : firstMessage(invoiceNumber, v.invoiceNumber);
      if (message) ctx.addIssue({ code: 'custom', path: ['invoiceNumber'], message });
    } else {
      const cents = parseDollars(v.amount);
      const message = v.amount.trim() === '' ? 'Enter the amount billed' : cents === null ? 'Enter the amount in dollars and cents, like 41,822.50' : firstMessage(billPaySignUpFields.shape.amountCents, cents);
      if (message) ctx.addIssue({ code: 'custom', path: ['amount'], message });
    }
    const terms = firstMessage(billPaySignUpFields.shape.acceptTerms, v.acceptTerms);
    if (terms) ctx.addIssue({ code: 'custom', path: ['acceptTerms'], message: terms });
  });
export type SignUpValues = z.input<typeof signUpFormSchema>;
export type SignUpChecked = z.output<typeof signUpFormSchema>;

export const emptySignUp: SignUpValues = { groupNumber: '', proof: 'invoiceNumber', invoiceNumber: '', amount: '', acceptTerms: false };

/** The checked form as `billPay.signUp` takes it, with only the chosen proof. */
export function signUpRequest(v: SignUpChecked, termsVersion: string): MethodInput<'billPay.signUp'> {
  // Both were checked by the schema above; parsing again gives the plan's form (INV-…, cents).
  const proof = v.proof === 'invoiceNumber' ? { invoiceNumber: invoiceNumber.parse(v.invoiceNumber) } : { amountCents: parseDollars(v.amount) ?? 0 };
  return { signUpGroupNumber: v.groupNumber.trim(), ...proof, termsVersion, acceptTerms: true };
}

/** The core names the group `signUpGroupNumber` and the amount in cents; the form does not. */
export const signUpAliases = { signUpGroupNumber: 'groupNumber', amountCents: 'amount' } as const;
export const signUpFieldNames = ['groupNumber', 'proof', 'invoiceNumber', 'amount', 'acceptTerms'] as const;
