import { z } from 'zod';
import { method } from '../define';
import { groupNumber, localMemberId } from '../schemas/primitives';
import { fileId, jobId, savedFile } from './rosters';

export const importFormats = ['x12-834', 'csv', 'xlsx'] as const;
export const importActions = ['add', 'terminate', 'change', 'reinstate'] as const;
/** `queue`: would be queued as a transaction; `skip`: already so in the roster; `refuse`: breaks a rule or the file's structure. */
export const importOutcomes = ['queue', 'skip', 'refuse'] as const;

/** One member of a checked file, with where it sits in the file. */
export const importItem = z.object({
  /** The spreadsheet's line (header is line 1), or the 834's INS segment number counted from its ST. */
  location: z.object({ kind: z.enum(['line', 'segment']), number: z.number().int().positive() }),
  memberId: localMemberId.nullable(),
  name: z.string(),
  action: z.enum(importActions),
  outcome: z.enum(importOutcomes),
  /** Why it is skipped or refused, in the words the wizards use; null when queued. */
  reason: z.string().nullable(),
});
export type ImportItem = z.infer<typeof importItem>;

const counts = {
  queue: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
  refuse: z.number().int().nonnegative(),
};

export const importCheck = z.object({
  importId: z.number().int().positive(),
  fileName: z.string(),
  format: z.enum(importFormats),
  members: z.number().int().nonnegative(),
  ...counts,
  /** An 834's 999 acknowledgment (accepted, or rejected with IK3/IK4 errors); null for a spreadsheet. */
  acknowledgment: savedFile.nullable(),
});
export type ImportCheck = z.infer<typeof importCheck>;

export const rosterImportMethods = {
  'roster.importTemplate': method({
    summary: 'The spreadsheet to fill in for a batch enrollment (CSV or Excel), with its columns explained.',
    permission: 'members.write',
    input: z.object({ groupNumber, format: z.enum(['csv', 'xlsx']) }).strict(),
    output: savedFile,
  }),
  'roster.importCheck': method({
    summary: 'Reads a received file while streaming and checks every member against the rules: a dry run, nothing is queued.',
    permission: 'members.write',
    input: z.object({ groupNumber, jobId, fileId, fileName: z.string().min(1).max(255) }).strict(),
    output: importCheck,
  }),
  'roster.importItems': method({
    summary: 'One page of a checked file’s members, in file order, optionally one outcome only.',
    permission: 'members.write',
    input: z
      .object({
        groupNumber,
        importId: z.number().int().positive(),
        outcome: z.enum(importOutcomes).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int().nonnegative(), items: z.array(importItem) }),
  }),
  'roster.importReport': method({
    summary: 'The dry-run report of a checked file, every member with its outcome and reason, as a file.',
    permission: 'members.write',
    input: z.object({ groupNumber, importId: z.number().int().positive(), format: z.enum(['csv', 'xlsx']) }).strict(),
    output: savedFile,
  }),
  'roster.importConfirm': method({
    summary: 'Queues the accepted members of a checked file as ordinary transactions, as one batch.',
    permission: 'members.write',
    input: z.object({ groupNumber, importId: z.number().int().positive() }).strict(),
    output: z.object({ batchId: z.number().int().positive(), ...counts }),
  }),
  'transactions.cancelBatch': method({
    summary: 'Cancels every change of one bulk action or file import that has not been sent yet, in one step.',
    permission: 'members.write',
    input: z.object({ groupNumber, batchId: z.number().int().positive() }).strict(),
    output: z.object({ cancelled: z.number().int().nonnegative(), alreadySent: z.number().int().nonnegative() }),
  }),
} as const;
