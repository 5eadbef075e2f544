import type { Database } from 'better-sqlite3';
import type { CoreEvent } from '@shared/contract/events';
import { invoiceSummary, type InvoiceSummary } from '@shared/plan-api/bill-pay';
import type { ChangeEntry } from '@shared/plan-api/changes';
import { formatUsd } from '@shared/util/money';
import { deleteInvoice, upsertInvoice, upsertInvoiceAdjustment, upsertInvoiceLine } from '../store/repositories/invoices-repository';
import { createNotification } from '../store/repositories/notifications-repository';
import { statement } from '../store/statements';

export type InvoiceEntry = Extract<ChangeEntry, { entity: 'invoice' | 'invoice_line' | 'invoice_adjustment' }>;

export interface AppliedInvoices {
  /** New-invoice notifications' events, to publish after the commit. */
  events: CoreEvent[];
}

/**
 * Applies a page's invoice entries in feed order inside the page's transaction. The feed sends an
 * invoice's snapshot as the plan wrote it, so it is checked here with the plan's schema; a snapshot
 * that fails it fails the page, like any entry the app cannot read.
 */
export function applyInvoiceEntries(db: Database, groupNumber: string, entries: readonly InvoiceEntry[], options: { now: string; announce: boolean }): AppliedInvoices {
  const added = new Map<string, InvoiceSummary>();
  for (const entry of entries) {
    if (entry.entity === 'invoice_line') upsertInvoiceLine(db, groupNumber, entry.payload);
    else if (entry.entity === 'invoice_adjustment') upsertInvoiceAdjustment(db, groupNumber, entry.payload);
    else if (entry.op === 'delete') {
      deleteInvoice(db, groupNumber, entry.entityId);
      added.delete(entry.entityId);
    } else {
      const parsed = invoiceSummary.safeParse(entry.payload);
      if (!parsed.success) throw new TypeError(`invoice ${entry.entityId}: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
      if (upsertInvoice(db, groupNumber, parsed.data, options.now)) added.set(parsed.data.invoiceNumber, parsed.data);
    }
  }
  const events = options.announce ? [...added.values()].flatMap((invoice) => announce(db, groupNumber, invoice, options.now)) : [];
  return { events };
}

// Calendar dates are read as UTC midnights, so the zone is UTC whatever the machine's.
const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The notification of a new invoice: the group, the amount and the due date (a plan date, which the
 * screens and the OS notification write in the reader's format), never a member (it also becomes an
 * OS notification).
 */
function announce(db: Database, groupNumber: string, invoice: InvoiceSummary, now: string): CoreEvent[] {
  const name = statement(db, 'SELECT name FROM groups WHERE group_number = ?').pluck().get(groupNumber);
  const group = typeof name === 'string' ? `${name} (group ${groupNumber})` : `Group ${groupNumber}`;
  return createNotification(db, {
    groupNumber,
    kind: 'invoice.issued',
    title: `New invoice for ${group}`,
    body: `Invoice ${invoice.invoiceNumber} for ${monthName.format(new Date(`${invoice.periodStart}T00:00:00Z`))}: ${formatUsd(invoice.totalDueCents)} due ${invoice.dueDate}.`,
    link: `#/billing/invoices/${encodeURIComponent(invoice.invoiceNumber)}`,
    outboxRef: null,
    createdAt: now,
  });
}
