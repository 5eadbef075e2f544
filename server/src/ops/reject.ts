import { parseArgs } from 'node:util';
import { rejectAccessRequest } from '../services/access-requests/decide';
import { UsageError, type OpsCommand } from './command';

export const rejectCommand: OpsCommand = {
  name: 'reject',
  summary: 'Reject a request with a reason the requester is e-mailed.',
  usage: `ops reject <confirmation number> --reason "<why>"

Rejects the request and e-mails the requester the reason.`,
  async run(args, context) {
    const { positionals, values } = parseArgs({ args, options: { reason: { type: 'string' } }, allowPositionals: true, strict: true });
    const [confirmationNumber, ...extra] = positionals;
    if (!confirmationNumber || extra.length > 0) throw new UsageError('Give exactly one confirmation number, e.g. PA-2026-000123');
    if (!values.reason?.trim()) throw new UsageError('--reason is required: the requester reads it');
    const done = await rejectAccessRequest(context.db, context.mailer, { confirmationNumber, reason: values.reason, operator: context.operator, now: context.now() });
    const mailed = done.mailError ? `the e-mail could NOT be sent (${done.mailError}); tell the user another way` : 'e-mail sent';
    context.out(`Rejected ${confirmationNumber} (user ${done.userId}, group ${done.groupNumber}); ${mailed}.`);
  },
};
