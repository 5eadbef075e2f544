import { z } from 'zod';
import { method } from '../define';
import { groupNumber, isoDate, isoInstant, localMemberId, planCode } from '../schemas/primitives';
import { coverageTier } from '../schemas/group';
import { relationship } from '../schemas/member';
import { jobId, savedFile } from './rosters';

export const memberCounts = z.object({
  asOf: isoDate,
  subscribers: z.number().int().nonnegative(),
  dependents: z.number().int().nonnegative(),
  byTier: z.array(z.object({ tier: coverageTier, subscribers: z.number().int().nonnegative() })),
  byPlan: z.array(z.object({ planCode, planName: z.string(), members: z.number().int().nonnegative() })),
});

export const rosterChangeKinds = ['added', 'terminated', 'changed'] as const;

/** One member whose coverage or details differ between two dates. */
export const rosterDiffRow = z.object({
  memberId: localMemberId,
  subscriberId: localMemberId,
  relationship,
  name: z.string(),
  change: z.enum(rosterChangeKinds),
  /** What changed, in words a user reads: `Plan: Gold PPO → Silver HMO`, `Coverage ended 2026-03-31`. */
  details: z.array(z.string()),
});
export type RosterDiffRow = z.infer<typeof rosterDiffRow>;

const diffRange = { groupNumber, from: isoDate, to: isoDate };

export const rosterHistoryMethods = {
  'roster.counts': method({
    summary: 'Membership counts as of any date, rebuilt from the coverage history.',
    permission: 'members.read',
    input: z.object({ groupNumber, asOf: isoDate }).strict(),
    output: memberCounts,
  }),
  'roster.trend': method({
    summary: 'Subscribers and dependents covered on the first of each month, for the months up to and including `through`’s month.',
    permission: 'members.read',
    input: z.object({ groupNumber, through: isoDate, months: z.number().int().min(2).max(36).default(12) }).strict(),
    output: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), asOf: isoDate, subscribers: z.number().int().nonnegative(), dependents: z.number().int().nonnegative() })),
  }),
  'roster.diff': method({
    summary: 'Who was added, terminated or changed between two dates, and how; paged.',
    permission: 'members.read',
    input: z
      .object({
        ...diffRange,
        change: z.enum(rosterChangeKinds).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({
      from: isoDate,
      to: isoDate,
      added: z.number().int().nonnegative(),
      terminated: z.number().int().nonnegative(),
      changed: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      rows: z.array(rosterDiffRow),
      asOf: isoInstant,
    }),
  }),
  'roster.exportDiff': method({
    summary: 'The roster diff between two dates as a file.',
    permission: 'members.read',
    input: z.object({ ...diffRange, jobId, format: z.enum(['csv', 'xlsx', 'pdf']) }).strict(),
    output: savedFile.extend({ rows: z.number().int().nonnegative() }),
  }),
} as const;
