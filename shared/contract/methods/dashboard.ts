import { z } from 'zod';
import { method } from '../define';
import { groupNumber, isoInstant, planCode } from '../schemas/primitives';
import { coverageTier } from '../schemas/group';

const headcount = z.object({
  subscribers: z.number().int().nonnegative(),
  dependents: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const membershipCounts = z.object({
  groupNumber,
  /** When the local replica was last brought up to date with the plan. */
  asOf: isoInstant,
  /** Members covered today. */
  active: headcount,
  pending: headcount,
  /** Ended within the two years they stay visible. */
  terminated: headcount,
  byPlan: z.array(headcount.extend({ planCode, planName: z.string() })),
  /** Subscribers (contracts) by tier, as invoices count them. */
  byTier: z.array(z.object({ tier: coverageTier, subscribers: z.number().int().nonnegative(), members: z.number().int().nonnegative() })),
});
export type MembershipCounts = z.infer<typeof membershipCounts>;

export const dashboardMethods = {
  'dashboard.counts': method({
    summary: 'Membership counts of the active roster: subscribers, dependents, by plan and by tier.',
    permission: 'members.read',
    input: z.object({ groupNumber }).strict(),
    output: membershipCounts,
  }),
} as const;
