import type { Database } from 'better-sqlite3';
import { billingPreferences, type BillingPreferences } from '@shared/plan-api/billing-preferences';
import { invoiceDispute, type InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import { statement } from '../statements';

/**
 * The owner of `invoice_disputes` and `billing_preferences`: what the plan last answered about a
 * group's disputes and invoice preferences, kept so the invoice screens show them while offline.
 * Each row holds the plan's JSON as it came, read back through its schema.
 */

/** A dispute the plan answered (filed, or listed): replaces the row with its id. */
export function saveDispute(db: Database, groupNumber: string, dispute: InvoiceDispute): void {
  statement(
    db,
    `INSERT INTO invoice_disputes (id, group_number, invoice_number, member_id, dispute) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET group_number = excluded.group_number, invoice_number = excluded.invoice_number,
       member_id = excluded.member_id, dispute = excluded.dispute`,
  ).run(dispute.id, groupNumber, dispute.invoiceNumber, dispute.memberId, JSON.stringify(dispute));
}

/** The plan's whole list for the group: what it no longer lists is forgotten. */
export function replaceDisputes(db: Database, groupNumber: string, disputes: readonly InvoiceDispute[]): void {
  db.transaction(() => {
    statement(db, 'DELETE FROM invoice_disputes WHERE group_number = ?').run(groupNumber);
    for (const dispute of disputes) saveDispute(db, groupNumber, dispute);
  })();
}

const readDispute = (text: unknown): InvoiceDispute => invoiceDispute.parse(JSON.parse(String(text)));

/** The group's disputes as last known, newest first; only one invoice's when given. */
export function listDisputes(db: Database, groupNumber: string, invoiceNumber: string | null): InvoiceDispute[] {
  const texts = statement(
    db,
    `SELECT dispute FROM invoice_disputes WHERE group_number = ? AND (? IS NULL OR invoice_number = ?)
     ORDER BY dispute ->> '$.filedAt' DESC, id DESC`,
  )
    .pluck()
    .all(groupNumber, invoiceNumber, invoiceNumber);
  return texts.map(readDispute);
}

/** The latest dispute of each member line of one invoice (`member_id` null: the invoice as a whole). */
export function latestDisputesByMember(db: Database, invoiceNumber: string, memberIds: readonly string[]): Map<string, InvoiceDispute> {
  const texts = statement(
    db,
    `SELECT dispute FROM invoice_disputes WHERE invoice_number = ? AND member_id IN (SELECT value FROM json_each(?))
     ORDER BY dispute ->> '$.filedAt', id`,
  )
    .pluck()
    .all(invoiceNumber, JSON.stringify(memberIds));
  const latest = new Map<string, InvoiceDispute>();
  // Oldest first, so the newest of each member is the one left.
  for (const text of texts) {
    const dispute = readDispute(text);
    if (dispute.memberId !== null) latest.set(dispute.memberId, dispute);
  }
  return latest;
}

export function saveBillingPreferences(db: Database, groupNumber: string, preferences: BillingPreferences, readAt: string): void {
  statement(
    db,
    `INSERT INTO billing_preferences (group_number, preferences, read_at) VALUES (?, ?, ?)
     ON CONFLICT (group_number) DO UPDATE SET preferences = excluded.preferences, read_at = excluded.read_at`,
  ).run(groupNumber, JSON.stringify(preferences), readAt);
}

/** The preferences as last read from the plan, or null when they never were. */
export function cachedBillingPreferences(db: Database, groupNumber: string): BillingPreferences | null {
  const text = statement(db, 'SELECT preferences FROM billing_preferences WHERE group_number = ?').pluck().get(groupNumber);
  return text === undefined ? null : billingPreferences.parse(JSON.parse(String(text)));
}
