import { parseArgs } from 'node:util';
import { ContractFailure } from '@shared/contract/errors';
import { groupNumber, isoDate } from '@shared/contract/schemas/primitives';
import { formatUsd } from '@shared/util/money';
import { firstOfNextMonth } from '@shared/util/dates';
import { periodStartOf } from '../services/billing/billing-calendar';
import { runBillingCycle } from '../services/billing/billing-cycle';
import { issueInvoice } from '../services/billing/issue-invoice';
import { announceNewInvoice, type DeliveryLog } from '../services/billing/new-invoice-notice';
import { UsageError, type OpsCommand, type OpsContext } from './command';

export const issueInvoiceCommand: OpsCommand = {
  name: 'issue-invoice',
  summary: 'Issue a group’s monthly invoice, or run the billing cycle as of a day.',
  usage: `ops issue-invoice --group <group number> [--period YYYY-MM]
ops issue-invoice --date YYYY-MM-DD [--group <group number>]

Bills the month's premium: one line per subscriber at the family's coverage tier on the month's
first day times the plan's monthly rate, plus adjustments for months already billed whose coverage
changed since, and the previous balance (docs/billing-rules.md). Due on the month's first day (or
the day of issue, if later).

With --period (or neither option), that month's invoice for the group: by default next month's,
which the plan issues in advance on the 15th. A month is billed once; the command refuses a month
after the month after next.

With --date, the billing cycle as the service runs it, as of that day: every month the calendar has
issued by then that a group still lacks, oldest first, issued on that day; for all groups, or the
one --group names. Months already issued are left as they are, so it is safe to run again.

Each invoice issued is e-mailed to its group's notice recipients (billing preferences): a notice
that cannot be sent is printed as a warning, and the invoice stands.`,
  async run(args, context) {
    const { values } = parseArgs({ args, options: { group: { type: 'string' }, period: { type: 'string' }, date: { type: 'string' } }, strict: true });
    const group = values.group === undefined ? undefined : groupNumber.safeParse(values.group);
    if (group && !group.success) throw new UsageError('--group must be a group number (4 to 10 digits)');
    if (values.date !== undefined) {
      if (values.period !== undefined) throw new UsageError('--date runs the whole cycle; give either --date or --period');
      const asOf = isoDate.safeParse(values.date);
      if (!asOf.success) throw new UsageError('--date must be a day written YYYY-MM-DD, e.g. 2026-12-15');
      return runCycle(context, asOf.data, group?.data);
    }
    if (!group) throw new UsageError('--group must be a group number (4 to 10 digits)');
    const today = context.now().toISOString().slice(0, 10);
    const periodStart = values.period === undefined ? firstOfNextMonth(today) : periodStartOf(values.period);
    if (!periodStart) throw new UsageError('--period must be a month written YYYY-MM, e.g. 2026-12');
    const { invoice, lineCount, adjustments } = await issueInvoice(context.db, { groupNumber: group.data, periodStart, issuedOn: today }, { actorUserId: context.operator, sessionId: null, ip: null }, context.now());
    const adjusted = adjustments.length === 0 ? '' : `, ${adjustments.length} adjustment${adjustments.length === 1 ? '' : 's'} ${formatUsd(invoice.adjustmentsCents)}`;
    context.out(`Issued ${invoice.invoiceNumber} to group ${group.data}: ${lineCount} subscriber${lineCount === 1 ? '' : 's'}, ${formatUsd(invoice.amountCents)}${adjusted}, due ${invoice.dueDate}.`);
    await announceNewInvoice(context.db, { mailer: context.mailer, plan: context.billingPlan }, invoice.invoiceNumber, mailFailures(context));
  },
};

/** A notice that could not be sent is printed (the invoice stands); the operator can tell the group. */
const mailFailures = (context: OpsContext): DeliveryLog => ({
  error: (details, message) => context.out(`Warning: ${message}: "${String(details.subject)}" (${JSON.stringify(details.err)})`),
});

async function runCycle(context: OpsContext, asOf: string, only: string | undefined): Promise<void> {
  const report = await runBillingCycle(context.db, { asOf, ...(only === undefined ? {} : { groupNumber: only }) }, { actorUserId: context.operator, sessionId: null, ip: null }, context.now());
  for (const issued of report.issued) {
    await announceNewInvoice(context.db, { mailer: context.mailer, plan: context.billingPlan }, issued.invoiceNumber, mailFailures(context));
    context.out(`Issued ${issued.invoiceNumber} to group ${issued.groupNumber} for ${issued.periodStart.slice(0, 7)}: total due ${formatUsd(issued.totalDueCents)}.`);
  }
  context.out(`Billing cycle as of ${asOf}: ${report.issued.length} issued, ${report.alreadyIssued} already issued, ${report.nothingToBill} with nothing to bill, ${report.failed.length} failed.`);
  const fault = report.failed.find((f) => !(f.error instanceof ContractFailure));
  if (fault) throw fault.error;
  if (report.failed.length > 0) {
    const reasons = report.failed.map((f) => `group ${f.groupNumber}, ${f.periodStart.slice(0, 7)}: ${f.error.message}`);
    throw new ContractFailure('RULE', `Not every month could be issued (later months of those groups wait):\n${reasons.join('\n')}`);
  }
}
