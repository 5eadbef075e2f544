import { parseArgs } from 'node:util';
import { pendingRequests } from '../services/access-requests/views';
import type { OpsCommand } from './command';

export const requestsCommand: OpsCommand = {
  name: 'requests',
  summary: 'List pending primary-administrator requests, oldest first.',
  usage: `ops requests [--json]

Lists pending requests to become a group's primary administrator: confirmation number, user ID,
group, company, officer and the date processing is promised by. --json prints them as JSON.`,
  async run(args, context) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
    const pending = await pendingRequests(context.db);
    if (values.json) {
      context.out(JSON.stringify(pending, null, 2));
      return;
    }
    if (pending.length === 0) {
      context.out('No pending requests.');
      return;
    }
    for (const r of pending) {
      context.out(
        `${r.confirmationNumber}  user ${r.userId}  group ${r.groupNumber}  ${r.companyName}  officer ${r.officerName} (${r.officerTitle})  ${r.contactEmail} ${r.contactPhone}  submitted ${r.submittedAt.slice(0, 10)}  due ${r.expectedCompletion}`,
      );
    }
  },
};
