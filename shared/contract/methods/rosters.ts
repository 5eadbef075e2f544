import { z } from 'zod';
import { method } from '../define';
import { groupNumber, isoDate, isoInstant, localMemberId, planCode } from '../schemas/primitives';
import { coverageTier } from '../schemas/group';
import { memberStatus, relationship } from '../schemas/member';
import { fileIdForm } from '../../util/file-ids';

/** The columns a roster download can carry, in the picker's order. */
export const rosterExportColumns = [
  'memberId',
  'subscriberId',
  'relationship',
  'lastName',
  'firstName',
  'middleName',
  'suffix',
  'dateOfBirth',
  'gender',
  'ssnLast4',
  'street',
  'city',
  'state',
  'zip',
  'phone',
  'email',
  'hireDate',
  'employmentStatus',
  'planCode',
  'planName',
  'tier',
  'status',
  'effectiveDate',
  'terminationDate',
  'monthlyPremium',
] as const;
export type RosterExportColumn = (typeof rosterExportColumns)[number];

/** `x12-834` is a full-file audit (BGN08 `4`, INS03 `030`): every column the guide needs, whatever the picker says. */
export const rosterExportFormats = ['csv', 'xlsx', 'pdf', 'x12-834'] as const;
export type RosterExportFormat = (typeof rosterExportFormats)[number];

/** A long job (an export, a file check) the renderer names up front, so it can follow and cancel it. */
export const jobId = z.uuid();

/** Which members: everyone, or the roster's current search and filters. */
export const rosterScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z
    .object({
      kind: z.literal('filtered'),
      query: z.string().trim().max(100).optional(),
      statuses: z.array(memberStatus).max(3).optional(),
      planCodes: z.array(planCode).max(50).optional(),
      relationships: z.array(relationship).max(7).optional(),
    })
    .strict(),
]);
export type RosterScope = z.infer<typeof rosterScope>;

export const fileId = z.string().regex(fileIdForm, 'Not a file this app wrote or received');

/**
 * A file the core wrote whole (temporary file, then rename) into its files folder. The host saves it
 * where the user says (Electron's save dialog) or hands it to the browser as a download.
 */
export const savedFile = z.object({
  fileId,
  fileName: z.string(),
  contentType: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type SavedFile = z.infer<typeof savedFile>;

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

export const rostersMethods = {
  'roster.export': method({
    summary: 'Writes the roster as of a date, in one format, from the local replica; progress arrives as `job.progress` events.',
    permission: 'members.read',
    input: z
      .object({
        groupNumber,
        jobId,
        scope: rosterScope,
        asOf: isoDate,
        columns: z.array(z.enum(rosterExportColumns)).min(1).max(rosterExportColumns.length),
        format: z.enum(rosterExportFormats),
        /** CSV only: a byte-order mark and CRLF line ends, which Excel opens without an import wizard. */
        excelFriendly: z.boolean().default(true),
      })
      .strict(),
    output: savedFile.extend({ rows: z.number().int().nonnegative(), asOf: isoDate }),
  }),
  'roster.exportChoices': method({
    summary: 'The columns and format of this user’s last roster download (or the defaults), for the picker.',
    permission: 'members.read',
    input: z.object({ groupNumber }).strict(),
    output: z.object({ columns: z.array(z.enum(rosterExportColumns)), format: z.enum(rosterExportFormats) }),
  }),
  'jobs.cancel': method({
    summary: 'Stops a running export or file check; what it had written is removed.',
    permission: 'none',
    input: z.object({ jobId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
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
