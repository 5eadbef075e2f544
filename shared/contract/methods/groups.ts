import { z } from 'zod';
import { method } from '../define';
import { cents, groupNumber, isoDate } from '../schemas/primitives';
import { roles } from '../roles';
import { group } from '../schemas/group';

export const groupSummary = z.object({
  groupNumber,
  name: z.string(),
  region: z.string(),
  activeMembers: z.number().int().nonnegative(),
  /** The signed-in user's role in the group. */
  role: z.enum(roles),
  /** Open invoices' total at the last sync, null until the plan reported one. */
  balanceCents: cents.nullable(),
  /** Due date of the latest invoice, if any. */
  balanceDueDate: isoDate.nullable(),
});
export type GroupSummary = z.infer<typeof groupSummary>;

export const groupsMethods = {
  'groups.list': method({
    summary: 'Every group the user may see, with their role, active member count and balance.',
    permission: 'none',
    input: z.object({}).strict(),
    output: z.array(groupSummary),
  }),
  'groups.get': method({
    summary: 'One group with its address, policy values and plans with rates.',
    permission: 'members.read',
    input: z.object({ groupNumber }).strict(),
    output: group,
  }),
} as const;
