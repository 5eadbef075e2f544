import { parseArgs } from 'node:util';
import { approveAccessRequest } from '../services/access-requests/decide';
import { UsageError, type OpsCommand } from './command';

export const approveCommand: OpsCommand = {
  name: 'approve',
  summary: 'Approve a request: the user becomes primary administrator and is e-mailed.',
  usage: `ops approve <confirmation number>

Makes the requester the group's primary administrator and e-mails them that access is ready.
The group must exist (ops create-group).`,
  async run(args, context) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    const [confirmationNumber, ...extra] = positionals;
    if (!confirmationNumber || extra.length > 0) throw new UsageError('Give exactly one confirmation number, e.g. PA-2026-000123');
    const done = await approveAccessRequest(context.db, context.mailer, { confirmationNumber, operator: context.operator, now: context.now() });
    const mailed = done.mailError ? `the e-mail could NOT be sent (${done.mailError}); tell the user another way` : 'e-mail sent';
    context.out(`Approved ${confirmationNumber}: ${done.userId} is now primary administrator of group ${done.groupNumber}; ${mailed}.`);
  },
};
