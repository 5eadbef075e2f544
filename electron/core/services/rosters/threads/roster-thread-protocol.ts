import { z } from 'zod';
import { rosterExportColumns, rosterScope } from '@shared/contract/methods/rosters';
import { allMemberDetails, type MemberDetail } from '../roster-record';

/**
 * What a roster reading thread (roster-thread.ts) is started with and what it answers. The thread
 * and the core come from one build, but a message is still a boundary: both sides check it.
 */
export const rosterThreadData = z.object({
  /** The store file; the thread opens a read-only connection of its own. */
  file: z.string().min(1),
  nativeBinding: z.string().min(1).optional(),
  query: z.object({ groupNumber: z.string().min(1), asOf: z.iso.date(), scope: rosterScope }),
  details: z.array(z.enum(allMemberDetails as [MemberDetail, ...MemberDetail[]])),
  columns: z.array(z.enum(rosterExportColumns)).min(1),
  recordEnd: z.enum(['\n', '\r\n']),
});
export type RosterThreadData = z.infer<typeof rosterThreadData>;

const subscriberKey = z.tuple([z.string(), z.string(), z.string()]);

/** One range of families to read: after one subscriber's key through another's (null: to the end). */
export const rosterThreadRequest = z.object({ index: z.number().int().nonnegative(), after: subscriberKey, through: subscriberKey.nullable() });
export type RosterThreadRequest = z.infer<typeof rosterThreadRequest>;

/** A range read and made into CSV rows, or why it could not be. */
export const rosterThreadAnswer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rows'), index: z.number().int().nonnegative(), text: z.string(), rows: z.number().int().nonnegative() }),
  z.object({ type: z.literal('failed'), index: z.number().int().nonnegative(), name: z.string(), message: z.string() }),
]);
export type RosterThreadAnswer = z.infer<typeof rosterThreadAnswer>;
