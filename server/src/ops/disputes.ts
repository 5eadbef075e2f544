import { parseArgs } from 'node:util';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { disputeStatus } from '@shared/plan-api/invoice-disputes';
import { listDisputes } from '../services/billing/dispute-list';
import { UsageError, type OpsCommand } from './command';

export const disputesCommand: OpsCommand = {
  name: 'disputes',
  summary: 'List invoice disputes groups have filed, newest first.',
  usage: `ops disputes [--group <group number>] [--status open|resolved] [--json]

Lists the disputes of all groups' invoices, or of the group --group names, newest first: dispute
ID, group, invoice, the member line disputed (or the whole invoice), reason, status, who filed it
and when, and the note. --json prints them as JSON. Resolve one with ops resolve-dispute.`,
  async run(args, context) {
    const { values } = parseArgs({ args, options: { group: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
    const group = values.group === undefined ? undefined : groupNumber.safeParse(values.group);
    if (group && !group.success) throw new UsageError('--group must be a group number (4 to 10 digits)');
    const status = values.status === undefined ? undefined : disputeStatus.safeParse(values.status);
    if (status && !status.success) throw new UsageError('--status must be open or resolved');
    const disputes = await listDisputes(context.db, { ...(group ? { groupNumber: group.data } : {}), ...(status ? { status: status.data } : {}) });
    if (values.json) {
      context.out(JSON.stringify(disputes, null, 2));
      return;
    }
    for (const d of disputes) {
      const line = d.memberId === null ? 'whole invoice' : `member ${d.memberId}`;
      const resolved = d.status === 'resolved' ? ` by ${d.resolvedBy ?? '?'} at ${d.resolvedAt ?? '?'}: ${JSON.stringify(d.resolutionNote)}` : '';
      context.out(`${d.id}  group ${d.groupNumber}  ${d.invoiceNumber}  ${line}  ${d.reason}  ${d.status}${resolved}  filed by ${d.filedBy} at ${d.filedAt}  ${JSON.stringify(d.note)}`);
    }
    context.out(`${disputes.length} dispute${disputes.length === 1 ? '' : 's'}.`);
  },
};
