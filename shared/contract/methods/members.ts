import { z } from 'zod';
import { method } from '../define';
import { groupNumber, isoInstant, localMemberId, planCode } from '../schemas/primitives';
import { memberDetail, memberStatus, relationship, rosterRow } from '../schemas/member';

export const rosterSortColumns = [
  'lastName',
  'firstName',
  'memberId',
  'relationship',
  'dateOfBirth',
  'planName',
  'tier',
  'status',
  'effectiveDate',
  'terminationDate',
] as const;
export type RosterSortColumn = (typeof rosterSortColumns)[number];

/** Free text typed in the search box: a name prefix, a member ID prefix or the last 4 digits of an SSN. */
const searchText = z.string().trim().max(100);

export const rosterQuery = z
  .object({
    groupNumber,
    query: searchText.optional(),
    statuses: z.array(memberStatus).max(3).optional(),
    planCodes: z.array(planCode).max(50).optional(),
    relationships: z.array(relationship).max(7).optional(),
    sort: z.object({ by: z.enum(rosterSortColumns), dir: z.enum(['asc', 'desc']) }).strict().default({ by: 'lastName', dir: 'asc' }),
    /**
     * `family`: each dependent right under its subscriber, families ordered by the subscriber's
     * value of the sort column. `none`: every member ordered by its own value.
     */
    grouping: z.enum(['family', 'none']).default('family'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type RosterQuery = z.input<typeof rosterQuery>;

export const membersMethods = {
  'members.list': method({
    summary: 'One page of the roster, filtered, searched and sorted, with the total that matches.',
    permission: 'members.read',
    input: rosterQuery,
    output: z.object({
      total: z.number().int().nonnegative(),
      rows: z.array(rosterRow),
      asOf: isoInstant,
      /** Set only when nothing matches and filters are on: how many the same search finds without the filters. */
      matchesWithoutFilters: z.number().int().nonnegative().optional(),
    }),
  }),
  'members.search': method({
    summary: 'Quick prefix search for the command palette: best matches first.',
    permission: 'members.read',
    input: z.object({ groupNumber, query: searchText.min(1), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.array(rosterRow),
  }),
  'members.get': method({
    summary: 'One member with demographics (SSN masked), coverage history and family.',
    permission: 'members.read',
    input: z.object({ groupNumber, memberId: localMemberId }).strict(),
    output: memberDetail,
  }),
  'members.temporaryIdCard': method({
    summary: 'A temporary ID card for a covered member (both faces at wallet size on a Letter page) as a PDF.',
    permission: 'members.read',
    input: z.object({ groupNumber, memberId: localMemberId }).strict(),
    output: z.object({ fileName: z.string(), contentType: z.literal('application/pdf'), base64: z.string() }),
  }),
} as const;
