import { parseArgs } from 'node:util';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { formatUsd } from '@shared/util/money';
import { firstOfNextMonth } from '@shared/util/dates';
import { periodStartOf } from '../services/billing/billing-calendar';
import { issueInvoice } from '../services/billing/issue-invoice';
import { UsageError, type OpsCommand } from './command';

export const issueInvoiceCommand: OpsCommand = {
  name: 'issue-invoice',
  summary: 'Issue a group’s monthly invoice from the coverage in force on the month’s first day.',
  usage: `ops issue-invoice --group <group number> [--period YYYY-MM]

Bills the month's premium: one line per subscriber at the family's coverage tier on the month's
first day times the plan's monthly rate. Due on the month's first day (or today, if issued late).
Without --period, next month's invoice, which the plan issues in advance around the 15th. A month
is billed once; the command refuses a month after the month after next.`,
  async run(args, context) {
    const { values } = parseArgs({ args, options: { group: { type: 'string' }, period: { type: 'string' } }, strict: true });
    const group = groupNumber.safeParse(values.group ?? '');
    if (!group.success) throw new UsageError('--group must be a group number (4 to 10 digits)');
    const today = context.now().toISOString().slice(0, 10);
    const periodStart = values.period === undefined ? firstOfNextMonth(today) : periodStartOf(values.period);
    if (!periodStart) throw new UsageError('--period must be a month written YYYY-MM, e.g. 2026-12');
    const { invoice, lines } = await issueInvoice(context.db, { groupNumber: group.data, periodStart, issuedOn: today }, { actorUserId: context.operator, sessionId: null, ip: null }, context.now());
    context.out(`Issued ${invoice.invoiceNumber} to group ${group.data}: ${lines.length} subscriber${lines.length === 1 ? '' : 's'}, ${formatUsd(invoice.amountCents)}, due ${invoice.dueDate}.`);
  },
};
