import { z } from 'zod';
import { method } from '../define';
import { groupNumber } from '../schemas/primitives';
import { group } from '../schemas/group';

export const groupSummary = z.object({
  groupNumber,
  name: z.string(),
  region: z.string(),
  activeMembers: z.number().int().nonnegative(),
});
export type GroupSummary = z.infer<typeof groupSummary>;

export const groupsMethods = {
  'groups.list': method({
    summary: 'Every group the user may see, with its active member count.',
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
