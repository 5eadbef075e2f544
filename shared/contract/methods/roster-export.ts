import { z } from 'zod';
import { method } from '../define';
import { groupNumber, isoDate } from '../schemas/primitives';
import { jobId, rosterExportColumns, rosterExportFormats, rosterScope, savedFile } from './rosters';

export const rosterExportMethods = {
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
} as const;
