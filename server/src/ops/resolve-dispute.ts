import { parseArgs } from 'node:util';
import { disputeNote } from '@shared/plan-api/invoice-disputes';
import { resolveDispute } from '../services/billing/resolve-dispute';
import { UsageError, type OpsCommand } from './command';

export const resolveDisputeCommand: OpsCommand = {
  name: 'resolve-dispute',
  summary: 'Resolve an open invoice dispute with a note.',
  usage: `ops resolve-dispute <dispute ID> --note "<what was found or done>"

Marks the dispute resolved with the note (1 to 1000 characters), who resolved it and when. A
dispute is resolved once; ops disputes lists their IDs.`,
  async run(args, context) {
    const { values, positionals } = parseArgs({ args, options: { note: { type: 'string' } }, allowPositionals: true, strict: true });
    const [typedId, ...extra] = positionals;
    if (!typedId || extra.length > 0 || !/^[1-9]\d{0,14}$/.test(typedId)) throw new UsageError('Give exactly one dispute ID, e.g. 12 (ops disputes lists them)');
    const note = disputeNote.safeParse(values.note ?? '');
    if (!note.success) throw new UsageError('--note must say what was found or done (1 to 1000 characters)');
    const dispute = await resolveDispute(context.db, Number(typedId), note.data, { actorUserId: context.operator, sessionId: null, ip: null }, context.now());
    context.out(`Resolved dispute ${dispute.id} on ${dispute.invoiceNumber} (${dispute.memberId === null ? 'whole invoice' : `member ${dispute.memberId}`}).`);
  },
};
