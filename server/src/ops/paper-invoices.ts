import { parseArgs } from 'node:util';
import { formatUsd } from '@shared/util/money';
import { periodStartOf } from '../services/billing/billing-calendar';
import { paperInvoicesOf } from '../services/billing/paper-invoices';
import { UsageError, type OpsCommand } from './command';

export const paperInvoicesCommand: OpsCommand = {
  name: 'paper-invoices',
  summary: 'List a billing month’s invoices of groups still on paper, for the print vendor.',
  usage: `ops paper-invoices --period YYYY-MM [--json]

Lists the month's issued invoices of groups that have not chosen paperless invoices (a group that
never set its billing preferences is on paper), in group-number order: group, company, mailing
address, invoice number, total due and due date. --json prints them as JSON.`,
  async run(args, context) {
    const { values } = parseArgs({ args, options: { period: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
    const periodStart = values.period === undefined ? null : periodStartOf(values.period);
    if (!periodStart) throw new UsageError('--period must be a month written YYYY-MM, e.g. 2026-12');
    const paper = await paperInvoicesOf(context.db, periodStart);
    if (values.json) {
      context.out(JSON.stringify(paper, null, 2));
      return;
    }
    const month = periodStart.slice(0, 7);
    for (const p of paper) {
      const { line1, line2, city, state, zip } = p.address;
      const address = [line1, line2, `${city}, ${state} ${zip}`].filter(Boolean).join(', ');
      context.out(`${p.invoiceNumber}  group ${p.groupNumber}  ${p.groupName}  ${address}  total due ${formatUsd(p.totalDueCents)}  due ${p.dueDate}`);
    }
    context.out(`${paper.length} paper invoice${paper.length === 1 ? '' : 's'} for ${month}.`);
  },
};
