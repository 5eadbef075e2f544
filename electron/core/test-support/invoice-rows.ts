import type { Database } from 'better-sqlite3';
import type { CoverageTier } from '@shared/contract/schemas/group';
import type { InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import { statement } from '../store/statements';

/**
 * Invoices written straight into the local tables of 0010, as a pull would leave them, for tests of
 * the screens that read them (reconciliation, worksheet, preview) without a plan service.
 */

export interface LineInput {
  memberId: string;
  memberName: string;
  planCode: string;
  tier: CoverageTier;
  amountCents: number;
}

export function insertInvoice(db: Database, groupNumber: string, invoiceNumber: string, periodStart: string, lines: readonly LineInput[]): void {
  const premiums = lines.reduce((sum, line) => sum + line.amountCents, 0);
  db.transaction(() => {
    statement(
      db,
      `INSERT INTO invoices (invoice_number, group_number, period_start, issued_on, due_date, status, amount_cents, previous_balance_cents,
         payments_cents, premiums_cents, adjustments_cents, total_due_cents, updated_at)
       VALUES (?, ?, ?, ?, ?, 'open', ?, 0, 0, ?, 0, ?, '2026-11-15T06:00:00.000Z')`,
    ).run(invoiceNumber, groupNumber, periodStart, periodStart, periodStart, premiums, premiums, premiums);
    const line = statement(
      db,
      `INSERT INTO invoice_lines (invoice_number, member_id, group_number, member_name, plan_code, tier, amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const l of lines) line.run(invoiceNumber, l.memberId, groupNumber, l.memberName, l.planCode, l.tier, l.amountCents);
  })();
}

export function insertDispute(db: Database, groupNumber: string, dispute: InvoiceDispute): void {
  statement(db, 'INSERT INTO invoice_disputes (id, group_number, invoice_number, member_id, dispute) VALUES (?, ?, ?, ?, ?)').run(
    dispute.id,
    groupNumber,
    dispute.invoiceNumber,
    dispute.memberId,
    JSON.stringify(dispute),
  );
}
