import { parseArgs } from 'node:util';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { exceptionStatus } from '@shared/plan-api/exception-requests';
import { listExceptions } from '../services/exceptions/exception-list';
import { UsageError, type OpsCommand } from './command';

export const exceptionsCommand: OpsCommand = {
  name: 'exceptions',
  summary: 'List the exceptions groups have asked for, newest first.',
  usage: `ops exceptions [--group <group number>] [--status open] [--json]

Lists the requests for an exception of all groups, or of the group --group names, newest first:
reference number, group, the member the change is about, the kind of change, the rule that refused
it, status, who asked and when, what the change asked for (SSNs masked), the rule's message and the
note. --json prints them as JSON.`,
  async run(args, context) {
    const { values } = parseArgs({ args, options: { group: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
    const group = values.group === undefined ? undefined : groupNumber.safeParse(values.group);
    if (group && !group.success) throw new UsageError('--group must be a group number (4 to 10 digits)');
    const status = values.status === undefined ? undefined : exceptionStatus.safeParse(values.status);
    if (status && !status.success) throw new UsageError('--status must be open');
    const requests = await listExceptions(context.db, { ...(group ? { groupNumber: group.data } : {}), ...(status ? { status: status.data } : {}) });
    if (values.json) {
      context.out(JSON.stringify(requests, null, 2));
      return;
    }
    for (const r of requests) {
      const member = r.memberId === null ? 'no member yet' : `member ${r.memberId}`;
      context.out(
        `${r.referenceNumber}  group ${r.groupNumber}  ${member}  ${r.changeKind}  ${r.ruleCode}  ${r.status}  asked by ${r.requestedBy} at ${r.createdAt}  ${JSON.stringify(r.input)}  rule: ${JSON.stringify(r.ruleMessage)}  note: ${JSON.stringify(r.note)}`,
      );
    }
    context.out(`${requests.length} exception request${requests.length === 1 ? '' : 's'}.`);
  },
};
