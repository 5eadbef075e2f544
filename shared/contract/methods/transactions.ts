import { z } from 'zod';
import { method } from '../define';
import { groupNumber, localMemberId } from '../schemas/primitives';
import { activityItem, bulkAction, bulkOutcome, transactionInput, transactionStatus } from '../schemas/transaction';

const id = z.number().int().positive();

export const submitResult = z.object({
  id,
  status: transactionStatus,
  /** The members the local replica now shows as pending (provisional `NEW-…` IDs for new ones). */
  memberIds: z.array(localMemberId),
});
export type SubmitResult = z.infer<typeof submitResult>;

export const activityPage = z.object({
  total: z.number().int().nonnegative(),
  items: z.array(activityItem),
  /** Across the whole filter's group(s), whatever the status filter: the Activity tabs' badges. */
  countsByStatus: z.record(transactionStatus, z.number().int().nonnegative()),
});
export type ActivityPage = z.infer<typeof activityPage>;

export const transactionsMethods = {
  'transactions.submit': method({
    summary: 'Queue an eligibility transaction: the pending local change and its outbox row in one write.',
    permission: 'members.write',
    input: z
      .object({
        groupNumber,
        transaction: transactionInput,
        /** The wizard draft the input came from; kept until the plan accepts, for correcting a rejection. */
        draftId: id.optional(),
        /** A rejected transaction this one corrects; it becomes `corrected`. */
        replaces: id.optional(),
      })
      .strict(),
    output: submitResult,
  }),
  'transactions.bulk': method({
    summary: 'Apply one action to many members: a dry run lists what would happen; otherwise queues it.',
    permission: 'members.write',
    input: z.object({ groupNumber, action: bulkAction, dryRun: z.boolean() }).strict(),
    output: z.object({
      dryRun: z.boolean(),
      items: z.array(bulkOutcome),
      /** The outbox rows queued (empty for a dry run). */
      queued: z.array(id),
    }),
  }),
  'transactions.list': method({
    summary: 'The Activity list: every transaction of a group, newest first, filtered by status.',
    permission: 'members.read',
    input: z
      .object({
        groupNumber,
        status: z.array(transactionStatus).optional(),
        memberId: localMemberId.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: activityPage,
  }),
  'transactions.get': method({
    summary: 'One transaction with what was sent (SSNs masked).',
    permission: 'members.read',
    input: z.object({ groupNumber, id }).strict(),
    output: activityItem.extend({ request: z.record(z.string(), z.unknown()) }),
  }),
  'transactions.cancel': method({
    summary: 'Cancel a queued transaction before it is sent (its pending local change is undone), or withdraw a rejected one the user will not correct.',
    permission: 'members.write',
    input: z.object({ groupNumber, id }).strict(),
    output: activityItem,
  }),
  'transactions.document': method({
    summary: 'The printable record of a transaction (the ID-card request form) as a PDF.',
    permission: 'members.read',
    input: z.object({ groupNumber, id }).strict(),
    output: z.object({ fileName: z.string(), contentType: z.literal('application/pdf'), base64: z.string() }),
  }),
} as const;
