import { z } from 'zod';
import { planCode } from '../schemas/primitives';
import { memberStatus, relationship } from '../schemas/member';
import { fileIdForm } from '../../util/file-ids';

// Schemas every roster file method shares: jobs, scopes, columns and the files the core writes.

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
