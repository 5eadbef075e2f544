import { z } from 'zod';
import { paymentDateProblem } from '@shared/domain/payment-dates';
import type { WizardStep } from '../../../wizards/common';
import type { PayableInvoice } from './open-invoices';

export interface PayValues {
  invoiceNumbers: string[];
  /** The whole open balance of the chosen invoices, or another amount. */
  amountChoice: 'balance' | 'other';
  /** Dollars as typed: `1,250.00`. */
  otherAmount: string;
  bankAccountId: string;
  paymentDate: string;
  accept: boolean;
}

/** `1,250`, `$1,250.5` or `1250.50` → 125050 cents; null when it is not an amount. */
export function parseDollars(typed: string): number | null {
  const s = typed.trim().replace(/^\$/, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!match) return null;
  const dollars = Number((match[1] ?? '').replace(/,/g, ''));
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const total = dollars * 100 + cents;
  return Number.isSafeInteger(total) ? total : null;
}

export const chosenInvoices = (open: readonly PayableInvoice[], numbers: readonly string[]) => open.filter((i) => numbers.includes(i.invoiceNumber));
export const openTotal = (invoices: readonly PayableInvoice[]) => invoices.reduce((sum, i) => sum + i.openCents, 0);

/**
 * The date a payment may carry is bounded by the due date. Paying several invoices at once it may be
 * dated up to the latest of their due dates: an invoice already past due is not made less late by
 * refusing the current one's due date. Null when none is chosen.
 */
export function dueDateOf(invoices: readonly PayableInvoice[]): string | null {
  return invoices.reduce<string | null>((latest, i) => (latest === null || i.dueDate > latest ? i.dueDate : latest), null);
}

/** The amount the form will pay, in cents, or null while it is not a valid amount. */
export function amountOf(values: Pick<PayValues, 'amountChoice' | 'otherAmount' | 'invoiceNumbers'>, open: readonly PayableInvoice[]): number | null {
  const balance = openTotal(chosenInvoices(open, values.invoiceNumbers));
  if (values.amountChoice === 'balance') return balance > 0 ? balance : null;
  const cents = parseDollars(values.otherAmount);
  return cents !== null && cents > 0 && cents <= balance ? cents : null;
}

interface Context {
  open: readonly PayableInvoice[];
  verifiedIds: readonly string[];
  /** The clock the date rules read (the cut-off passes while the wizard is open). */
  now: () => Date;
}

/** The Pay wizard's steps; each checks its own fields as typed and on Next. */
export function paySteps({ open, verifiedIds, now }: Context): WizardStep[] {
  return [
    {
      id: 'invoices',
      tour: 'pay-invoices',
      label: 'Invoices',
      fields: ['invoiceNumbers'],
      schema: z.object({ invoiceNumbers: z.array(z.string()).min(1, 'Choose at least one invoice to pay') }),
    },
    {
      id: 'amount',
      tour: 'pay-amount',
      label: 'Amount',
      fields: ['amountChoice', 'otherAmount'],
      schema: z
        .object({ invoiceNumbers: z.array(z.string()), amountChoice: z.enum(['balance', 'other'], { error: 'Choose the amount to pay' }), otherAmount: z.string() })
        .superRefine((v, ctx) => {
          if (v.amountChoice !== 'other') return;
          const balance = openTotal(chosenInvoices(open, v.invoiceNumbers));
          const cents = parseDollars(v.otherAmount);
          const message =
            v.otherAmount.trim() === ''
              ? 'Enter the amount to pay'
              : cents === null
                ? 'Enter an amount in dollars and cents, e.g. 1,250.00'
                : cents === 0
                  ? 'Enter an amount above $0.00'
                  : cents > balance
                    ? 'That is more than the chosen invoices owe: the plan keeps no credit balance'
                    : null;
          if (message) ctx.addIssue({ code: 'custom', path: ['otherAmount'], message });
        }),
    },
    {
      id: 'account',
      tour: 'pay-account',
      label: 'Account',
      fields: ['bankAccountId'],
      schema: z.object({ bankAccountId: z.string().refine((id) => verifiedIds.includes(id), 'Choose a verified account to pay from') }),
    },
    {
      id: 'date',
      tour: 'pay-date',
      label: 'Date',
      fields: ['paymentDate'],
      schema: z.object({ invoiceNumbers: z.array(z.string()), paymentDate: z.string() }).superRefine((v, ctx) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v.paymentDate)) {
          ctx.addIssue({ code: 'custom', path: ['paymentDate'], message: 'Choose the date of the payment' });
          return;
        }
        const problem = paymentDateProblem(v.paymentDate, now(), dueDateOf(chosenInvoices(open, v.invoiceNumbers)));
        if (problem) ctx.addIssue({ code: 'custom', path: ['paymentDate'], message: problem });
      }),
    },
    {
      id: 'review',
      tour: 'pay-review',
      label: 'Review',
      fields: ['accept'],
      schema: z.object({ accept: z.literal(true, 'Tick “I authorize this debit” to pay') }),
    },
  ];
}

/** The contract's names for the form's fields, where a refusal names them. */
export const payAliases = { amountCents: 'otherAmount', acceptAuthorization: 'accept', authorizationVersion: 'accept' } as const;
