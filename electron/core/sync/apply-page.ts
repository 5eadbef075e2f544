import type { CoreEvent } from '@shared/contract/events';
import { isRole } from '@shared/contract/roles';
import type { ChangeEntry } from '@shared/plan-api/changes';
import type { Store } from '../store/store';
import type { FeedPage } from '../plan-service/feed-parse';
import { endIndexHoliday, startIndexHoliday } from './index-holiday';
import { applyRemoteMembers, type RemoteMember } from '../store/members/remote-members';
import { saveGroupBalance, setOwnRole } from '../store/repositories/replica-groups';
import { advanceCursor, feedCursor } from '../store/repositories/sync-cursors';
import { applyInvoiceEntries, type InvoiceEntry } from './apply-invoices';
import { applyPaymentEntries, type PaymentEntry } from './apply-payments';
import { localBillingSummary } from '../store/repositories/invoices-repository';

export interface PageOutcome {
  /** Members written; 0 when the page only moved the cursor. */
  written: number;
  /** The signed-in user's role in the group changed (a `user` entry naming them). */
  roleChanged: boolean;
  /** To publish after the commit: `billing.changed`, and notifications of new invoices and of settled or returned payments. */
  events: CoreEvent[];
}

export interface PageOptions {
  /** The signed-in user's local users.id and plan user ID, to apply role changes that name them. */
  user: { ref: number; login: string } | null;
  now: string;
  /** Drop the members' secondary indexes for this page (a large first sync): see index-holiday.ts. */
  indexHoliday: boolean;
  /**
   * Invoices new to this computer, and payments that settled or were returned, are news (a
   * notification each): the group was synced before this pull. A first sync brings the group's
   * whole history, none of it news.
   */
  announceInvoices: boolean;
}

/**
 * Applies one change-feed page and moves the group's cursor past it, in ONE SQLite transaction
 * (docs/architecture.md#pull): a crash leaves the replica at a page boundary, never inside a page.
 * Members and coverage are applied (store/members/remote-members.ts); a `user` entry naming the signed-in user
 * changes their role in the group; invoices, their lines and adjustments are applied after the
 * members, so a line without the billed name finds it on the roster the same page brought
 * (apply-invoices.ts), and payments with them (apply-payments.ts); transactions are not kept in the replica (the outbox keeps its own record),
 * so those entries only advance the cursor.
 */
export function applyFeedPage(store: Store, page: FeedPage, options: PageOptions): PageOutcome {
  const { db } = store;
  return db.transaction((): PageOutcome => {
    if (options.indexHoliday) startIndexHoliday(db);
    const members = new Map<string, RemoteMember>();
    const remoteOf = (memberId: string, committedAt: string): RemoteMember => {
      let remote = members.get(memberId);
      if (remote === undefined) {
        remote = { memberId, snapshot: null, committedAt, coverage: new Map(), wholeHistory: false };
        members.set(memberId, remote);
      }
      return remote;
    };
    let roleChanged = false;
    const invoiceEntries: InvoiceEntry[] = [];
    const paymentEntries: PaymentEntry[] = [];
    for (const entry of page.changes) {
      if (entry.entity === 'member') {
        const remote = remoteOf(entry.payload.memberId, entry.committedAt);
        if (remote.snapshot === null || entry.payload.version >= remote.snapshot.version) {
          remote.snapshot = entry.payload;
          remote.committedAt = entry.committedAt;
        }
      } else if (entry.entity === 'coverage') {
        remoteOf(entry.payload.memberId, entry.committedAt).coverage.set(entry.payload.id, { snapshot: entry.payload, committedAt: entry.committedAt });
      } else if (entry.entity === 'user' && options.user !== null && entry.entityId.toLowerCase() === options.user.login) {
        roleChanged = applyRoleChange(store, page.groupNumber, options.user.ref, entry) || roleChanged;
      } else if (entry.entity === 'invoice' || entry.entity === 'invoice_line' || entry.entity === 'invoice_adjustment') {
        invoiceEntries.push(entry);
      } else if (entry.entity === 'payment') {
        paymentEntries.push(entry);
      }
    }
    const outcome = applyRemoteMembers(store, page.groupNumber, members.values());
    const events: CoreEvent[] = [];
    if (invoiceEntries.length > 0 || paymentEntries.length > 0) {
      const announce = options.announceInvoices;
      const billed = applyInvoiceEntries(db, page.groupNumber, invoiceEntries, { now: options.now, announce });
      events.push(...billed.events, ...applyPaymentEntries(db, page.groupNumber, paymentEntries, { now: options.now, announce }));
      // The balance counts settled payments against open invoices: read once both are in.
      saveGroupBalance(store, page.groupNumber, localBillingSummary(db, page.groupNumber));
      events.push({ type: 'billing.changed', groupNumber: page.groupNumber });
    }
    if (!page.hasMore) endIndexHoliday(db);
    advanceCursor(db, page.groupNumber, page.nextAfter, options.now);
    return { written: outcome.written, roleChanged, events };
  }).immediate();
}

/** A grant or removal of the user's own role in the group; true if the local role changed. */
function applyRoleChange(store: Store, groupNumber: string, userRef: number, entry: Extract<ChangeEntry, { entity: 'user' }>): boolean {
  const role = entry.payload?.role;
  const active = entry.op === 'upsert' && typeof role === 'string' && isRole(role) && (entry.payload?.status ?? 'active') === 'active';
  return setOwnRole(store.db, userRef, groupNumber, active ? role : null);
}

/** The group's cursor: the last feed sequence applied (0 before the first page). */
export const groupCursor = (store: Store, groupNumber: string): number => feedCursor(store.db, groupNumber);
