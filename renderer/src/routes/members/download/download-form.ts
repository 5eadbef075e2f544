import { z } from 'zod';
import { rosterExportColumns, rosterExportFormats } from '@shared/contract/methods/rosters';
import { isoDate } from '@shared/contract/schemas/primitives';

export const downloadSchema = z
  .object({
    scope: z.enum(['filtered', 'all']),
    asOf: isoDate,
    columns: z.array(z.enum(rosterExportColumns)),
    format: z.enum(rosterExportFormats),
    excelFriendly: z.boolean(),
  })
  // The 834 carries what the standard needs whatever is ticked, so only the other formats need a column.
  .refine((v) => v.format === 'x12-834' || v.columns.length > 0, { path: ['columns'], message: 'Choose at least one column' });

export type DownloadValues = z.infer<typeof downloadSchema>;
