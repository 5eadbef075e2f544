import { planDates } from '@shared/util/date-format';
import { formatUsd } from '@shared/util/money';
import { escapeHtml } from './escape-html';
import type { OutgoingMail } from './mailer';

/** The plan that issued the invoice, as the service is configured (PLAN_NAME, BILLING_TEAM_NAME, BILLING_TEAM_PHONE). */
export interface IssuingPlan {
  name: string;
  serviceTeam: { name: string; phone: string };
}

export interface NewInvoice {
  to: string;
  groupNumber: string;
  companyName: string;
  invoiceNumber: string;
  /** First day of the month billed. */
  periodStart: string;
  /** The statement's total due: previous balance less payments, plus this month's amount. */
  totalDueCents: number;
  dueDate: string;
  paperless: boolean;
  /** Who issued it, and whom to call about it. */
  plan: IssuingPlan;
}

/** `2026-12-01` → `December 2026`: the plan's months are calendar months, read in UTC. */
const monthName = (periodStart: string): string => new Date(`${periodStart}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });


/**
 * Announces a newly issued invoice to one of the group's notice recipients: which invoice, for what
 * month, how much, by when, and whom to call about it. Totals only: the lines name members, so
 * they stay behind sign-in.
 */
export function newInvoiceMail(input: NewInvoice): OutgoingMail {
  const group = `${input.companyName} (group ${input.groupNumber})`;
  const facts: [string, string][] = [
    ['Invoice number', input.invoiceNumber],
    ['Period', monthName(input.periodStart)],
    ['Amount due', formatUsd(input.totalDueCents)],
    ['Due date', planDates.date(input.dueDate)],
  ];
  const delivery = input.paperless ? 'Your group is paperless: no paper copy is mailed.' : 'A paper copy follows by mail.';
  const open = 'Sign in to GroupDesk and open Billing to see the invoice and its lines.';
  const questions = `Questions about this invoice? Call ${input.plan.serviceTeam.name} at ${input.plan.serviceTeam.phone}.`;
  const why = 'You receive this because your group lists this address for new-invoice notices; a primary administrator or billing user can change the list in GroupDesk under Billing preferences.';
  return {
    to: input.to,
    subject: `New invoice ${input.invoiceNumber} for group ${input.groupNumber}`,
    text: ['Hello,', '', `${input.plan.name} issued a new invoice to ${group}:`, '', ...facts.map(([label, value]) => `  ${label}: ${value}`), '', delivery, open, questions, '', why].join('\n'),
    html: [
      '<p>Hello,</p>',
      `<p>${escapeHtml(input.plan.name)} issued a new invoice to ${escapeHtml(group)}:</p>`,
      `<ul>${facts.map(([label, value]) => `<li>${escapeHtml(label)}: ${escapeHtml(value)}</li>`).join('')}</ul>`,
      `<p>${escapeHtml(delivery)} ${escapeHtml(open)}</p>`,
      `<p>${escapeHtml(questions)}</p>`,
      `<p>${escapeHtml(why)}</p>`,
    ].join('\n'),
  };
}
