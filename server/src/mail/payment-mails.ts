import { amountInWords } from '@shared/util/amount-words';
import { planDates } from '@shared/util/date-format';
import { formatUsd } from '@shared/util/money';
import type { Payment } from '@shared/plan-api/payments';
import { escapeHtml } from './escape-html';
import type { OutgoingMail } from './mailer';

/**
 * The e-mails of paying by ACH. Facts of the payment only (amounts, dates, the account's last four
 * digits, invoice and confirmation numbers): never a member, never a full account number.
 */
export interface PaymentMailGroup {
  groupNumber: string;
  companyName: string;
  /** The plan's billing team, whom to call. */
  serviceTeam: { name: string; phone: string };
}

export const maskedAccount = (account: { nickname: string; accountLast4: string }): string => `${account.nickname} (account ending ${account.accountLast4})`;

function mail(to: string, subject: string, group: PaymentMailGroup, intro: string, facts: [string, string][], closing: string[]): OutgoingMail {
  const questions = `Questions? Call ${group.serviceTeam.name} at ${group.serviceTeam.phone}.`;
  return {
    to,
    subject,
    text: ['Hello,', '', intro, '', ...facts.map(([label, value]) => `  ${label}: ${value}`), '', ...closing, questions].join('\n'),
    html: [
      '<p>Hello,</p>',
      `<p>${escapeHtml(intro)}</p>`,
      `<ul>${facts.map(([label, value]) => `<li>${escapeHtml(label)}: ${escapeHtml(value)}</li>`).join('')}</ul>`,
      ...closing.map((line) => `<p>${escapeHtml(line)}</p>`),
      `<p>${escapeHtml(questions)}</p>`,
    ].join('\n'),
  };
}

const groupName = (g: PaymentMailGroup) => `${g.companyName} (group ${g.groupNumber})`;

const paymentFacts = (p: Payment): [string, string][] => [
  ['Confirmation number', p.confirmationNumber],
  ['Amount', `${formatUsd(p.amountCents)} (${amountInWords(p.amountCents)})`],
  ['Debit date', planDates.date(p.paymentDate)],
  ['Expected to settle', planDates.date(p.settlementDate)],
  ['From', maskedAccount(p.bankAccount)],
  ...p.allocations.map((a): [string, string] => [`Invoice ${a.invoiceNumber}`, formatUsd(a.amountCents)]),
];

/** To the user who scheduled a payment: the receipt's facts, and until when it can be cancelled. */
export function paymentScheduledMail(to: string, group: PaymentMailGroup, payment: Payment): OutgoingMail {
  const cancel = payment.cancellableUntil ? `You can cancel it in GroupDesk under Billing › Payments until 5:00 p.m. Eastern on ${planDates.date(payment.paymentDate)}.` : 'It is on its way to the bank.';
  return mail(to, `Payment ${payment.confirmationNumber} scheduled for group ${group.groupNumber}`, group, `Your payment for ${groupName(group)} is scheduled:`, paymentFacts(payment), [cancel, 'The receipt (PDF) is in GroupDesk beside the payment.']);
}

/** To the payer and the primary administrators: a debit came back, why in plain words, and what follows. */
export function paymentReturnedMail(to: string, group: PaymentMailGroup, payment: Payment, consequences: string[]): OutgoingMail {
  return mail(to, `Payment ${payment.confirmationNumber} for group ${group.groupNumber} was returned`, group, `The bank returned a payment of ${groupName(group)}, so the invoices it paid are open again:`, [...paymentFacts(payment), ['Reason', payment.returnReason ?? '']], consequences);
}

export type AutopayChange = 'enrolled' | 'changed' | 'cancelled' | 'skipped' | 'suspended';

const autopayHeadline: Record<AutopayChange, string> = {
  enrolled: 'is now enrolled in autopay',
  changed: 'changed its autopay',
  cancelled: 'cancelled its autopay',
  skipped: 'skipped one autopay debit',
  suspended: 'has its autopay suspended',
};

/** To each primary administrator: every change of the group's autopay, who made it, and its terms. */
export function autopayChangedMail(
  to: string,
  group: PaymentMailGroup,
  change: { kind: AutopayChange; by: string; account: { nickname: string; accountLast4: string }; rule: string; invoiceNumber?: string; reason?: string },
): OutgoingMail {
  const facts: [string, string][] = [
    ['Changed by', change.by],
    ['Account', maskedAccount(change.account)],
    ['When', change.rule],
  ];
  if (change.invoiceNumber) facts.push(['Invoice skipped', change.invoiceNumber]);
  if (change.reason) facts.push(['Reason', change.reason]);
  const closing =
    change.kind === 'suspended' || change.kind === 'cancelled'
      ? ['No further invoices will be debited automatically. Pay open invoices in GroupDesk, and enroll again when you are ready.']
      : ['We e-mail the amount and date five business days before each debit. You can skip a debit or cancel autopay in GroupDesk under Billing › Autopay.'];
  return mail(to, `Group ${group.groupNumber} ${autopayHeadline[change.kind]}`, group, `${groupName(group)} ${autopayHeadline[change.kind]}.`, facts, [...closing, 'You receive this as a primary administrator of the group.']);
}

/** Five business days ahead of an autopay debit: what, when, from which account, and how to skip it. */
export function preDebitMail(to: string, group: PaymentMailGroup, payment: Payment): OutgoingMail {
  return mail(
    to,
    `Autopay will debit ${formatUsd(payment.amountCents)} on ${planDates.date(payment.paymentDate)} for group ${group.groupNumber}`,
    group,
    `Autopay will debit this payment of ${groupName(group)}:`,
    paymentFacts(payment),
    [`To skip this debit, do so in GroupDesk under Billing › Autopay before 5:00 p.m. Eastern on ${planDates.date(payment.paymentDate)}.`],
  );
}

/** A bank's notification of change applied to an account on file. */
export function bankAccountCorrectedMail(to: string, group: PaymentMailGroup, account: { nickname: string; accountLast4: string }, words: string): OutgoingMail {
  return mail(to, `Bank account details updated for group ${group.groupNumber}`, group, `${words} We updated the account of ${groupName(group)} on file:`, [['Account', maskedAccount(account)]], [
    'Future debits use the corrected details. If this is not what you expect, call us before the next debit.',
  ]);
}

/** A bank account can no longer be used (its verification was returned, or a return disabled it). */
export function bankAccountProblemMail(to: string, group: PaymentMailGroup, account: { nickname: string; accountLast4: string }, problem: string): OutgoingMail {
  return mail(to, `A bank account of group ${group.groupNumber} cannot be debited`, group, `The bank turned back an entry to an account of ${groupName(group)}, so the plan will not debit it:`, [
    ['Account', maskedAccount(account)],
    ['Reason', problem],
  ], ['Add another account in GroupDesk under Billing › Bank accounts to pay by ACH.']);
}
