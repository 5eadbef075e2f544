import { z } from 'zod';
import { groupNumber } from '../contract/schemas/primitives';
import { coverageSnapshot, memberSnapshot } from './members';
import { transactionRecord } from './eligibility';
import { invoiceAdjustment, invoiceLine } from './bill-pay';
import { payment } from './payments';

/**
 * The per-group change feed (docs/architecture.md#pull). `seq` increases by one per change within a
 * group, in commit order, with no gaps: a client that has applied everything up to `seq` asks for
 * `after=seq` and never misses a change.
 */
export const changesQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  })
  .strict();
export type ChangesQuery = z.input<typeof changesQuery>;

const seq = z.number().int().positive();
/** When the change was committed; the desktop's fast feed reader checks it with this same schema. */
export const committedAt = z.iso.datetime({ offset: true });
const base = { seq, entityId: z.string(), committedAt };

/** Invoices and users belong to billing and accounts; the feed carries their snapshots as they wrote them. */
const foreignSnapshot = z.record(z.string(), z.unknown());

/**
 * Lines and adjustments carry the subscriber's name as billed (a billing user's desktop has no
 * roster to look it up in); entries appended before the name was added have none.
 */
export const fedInvoiceLine = invoiceLine.extend({ memberName: z.string().optional() });
export const fedInvoiceAdjustment = invoiceAdjustment.extend({ memberName: z.string().optional() });

export const changeEntry = z.discriminatedUnion('entity', [
  z.object({ ...base, entity: z.literal('member'), op: z.literal('upsert'), payload: memberSnapshot }),
  z.object({ ...base, entity: z.literal('coverage'), op: z.literal('upsert'), payload: coverageSnapshot }),
  z.object({ ...base, entity: z.literal('transaction'), op: z.literal('upsert'), payload: transactionRecord }),
  z.object({ ...base, entity: z.literal('invoice'), op: z.enum(['upsert', 'delete']), payload: foreignSnapshot.nullable() }),
  // entityId `<invoice number>/<member ID>`, and `<invoice number>/<member ID>/<YYYY-MM>` for an adjustment.
  z.object({ ...base, entity: z.literal('invoice_line'), op: z.literal('upsert'), payload: fedInvoiceLine }),
  z.object({ ...base, entity: z.literal('invoice_adjustment'), op: z.literal('upsert'), payload: fedInvoiceAdjustment }),
  // entityId: the confirmation number. Every change of a payment (scheduled, processing, settled,
  // returned, cancelled) is a new snapshot; billing users read these entries like invoices.
  z.object({ ...base, entity: z.literal('payment'), op: z.literal('upsert'), payload: payment }),
  z.object({ ...base, entity: z.literal('user'), op: z.enum(['upsert', 'delete']), payload: foreignSnapshot.nullable() }),
]);
export type ChangeEntry = z.infer<typeof changeEntry>;
export type ChangeEntity = ChangeEntry['entity'];

export const changesPage = z.object({
  groupNumber,
  changes: z.array(changeEntry),
  /**
   * Pass as `after` to get the next page. An entry the caller may not read (a billing user reads
   * only invoices) is skipped, not sent: a page shorter than asked ends at the head.
   */
  nextAfter: z.number().int().nonnegative(),
  /** The group's newest sequence number when the page was read. */
  headSeq: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /**
   * The group's members when the page was read, on a first page (`after=0`) to a reader of members:
   * what a first sync shows its progress against. Absent on later pages, to a billing reader, and
   * from a service that predates it.
   */
  memberTotal: z.number().int().nonnegative().optional(),
});
export type ChangesPage = z.infer<typeof changesPage>;

/** What the SSE stream (`event: changes`) carries: the newest sequence number of the group. */
export const changesAnnouncement = z.object({ seq: z.number().int().nonnegative() });
export type ChangesAnnouncement = z.infer<typeof changesAnnouncement>;
