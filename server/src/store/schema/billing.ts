// Drizzle view of migrations/0007_invoices.sql, 0008_bill_pay_proof_and_terms.sql, 0009_billing_cycle.sql, 0010_billing_preferences.sql and 0011_invoice_disputes.sql (the SQL files are the source of truth; keep both in step).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { CoverageTier } from '@shared/contract/schemas/group';
import type { DisputeReason } from '@shared/plan-api/invoice-disputes';

/** Instants as JS Dates, as in accounts.ts, so both drivers agree. */
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const cents = (name: string) => bigint(name, { mode: 'number' });

export const invoices = pgTable('invoices', {
  invoiceNumber: text('invoice_number').primaryKey(),
  groupNumber: text('group_number').notNull(),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  /** The invoice's own amount: current premiums plus adjustments. */
  amountCents: cents('amount_cents').notNull(),
  status: text('status').$type<'open' | 'paid'>().notNull().default('open'),
  createdAt: instant('created_at').notNull(),
  adjustmentsCents: cents('adjustments_cents').notNull().default(0),
  previousBalanceCents: cents('previous_balance_cents').notNull().default(0),
  paymentsCents: cents('payments_cents').notNull().default(0),
  premiumsCents: cents('premiums_cents').generatedAlwaysAs(sql`amount_cents - adjustments_cents`).notNull(),
  totalDueCents: cents('total_due_cents').generatedAlwaysAs(sql`previous_balance_cents - payments_cents + amount_cents`).notNull(),
});

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    invoiceNumber: text('invoice_number').notNull(),
    memberId: text('member_id').notNull(),
    planCode: text('plan_code').notNull(),
    tier: text('tier').$type<CoverageTier>().notNull(),
    amountCents: cents('amount_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.invoiceNumber, t.memberId] })],
);

export const invoiceAdjustments = pgTable(
  'invoice_adjustments',
  {
    invoiceNumber: text('invoice_number').notNull(),
    memberId: text('member_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    kind: text('kind').$type<'charge' | 'credit'>().notNull(),
    amountCents: cents('amount_cents').notNull(),
    planCode: text('plan_code'),
    tier: text('tier').$type<CoverageTier>(),
    confirmationNumber: text('confirmation_number'),
  },
  (t) => [primaryKey({ columns: [t.invoiceNumber, t.memberId, t.periodStart] })],
);

export const billPaySignUps = pgTable('bill_pay_sign_ups', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: text('user_id').notNull(),
  groupNumber: text('group_number').notNull(),
  termsVersion: text('terms_version').notNull(),
  acceptedAt: instant('accepted_at').notNull(),
  /** `invoice_number_and_amount` since 0008; the single kinds are older sign-ups'. */
  proof: text('proof').$type<'invoice_number' | 'amount' | 'invoice_number_and_amount'>().notNull(),
  ip: text('ip'),
});

export const billPayProofFailures = pgTable('bill_pay_proof_failures', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: text('user_id').notNull(),
  groupNumber: text('group_number').notNull(),
  ip: text('ip'),
  at: instant('at').notNull(),
});

export const billPayTermsAcceptances = pgTable(
  'bill_pay_terms_acceptances',
  {
    userId: text('user_id').notNull(),
    groupNumber: text('group_number').notNull(),
    termsVersion: text('terms_version').notNull(),
    acceptedAt: instant('accepted_at').notNull(),
    ip: text('ip'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupNumber] })],
);

export const billingPreferences = pgTable('billing_preferences', {
  groupNumber: text('group_number').primaryKey(),
  paperless: boolean('paperless').notNull().default(false),
  /** Null: the group's primary administrators and billing users. */
  noticeRecipients: jsonb('notice_recipients').$type<string[]>(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const invoiceDisputes = pgTable('invoice_disputes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  invoiceNumber: text('invoice_number').notNull(),
  /** Null: the whole invoice. */
  memberId: text('member_id'),
  reason: text('reason').$type<DisputeReason>().notNull(),
  note: text('note').notNull(),
  filedBy: text('filed_by').notNull(),
  filedAt: instant('filed_at').notNull(),
  status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
  resolutionNote: text('resolution_note'),
  resolvedBy: text('resolved_by'),
  resolvedAt: instant('resolved_at'),
});
