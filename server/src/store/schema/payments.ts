// Drizzle view of migrations/0014_payments.sql (the SQL file is the source of truth; keep both in step).
import { bigint, boolean, customType, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { AccountType, BankAccountStatus, PaymentStatus, VerificationMethod } from '@shared/plan-api/payments';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const cents = (name: string) => bigint(name, { mode: 'number' });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const bankAccounts = pgTable('bank_accounts', {
  id: text('id').primaryKey(),
  groupNumber: text('group_number').notNull(),
  nickname: text('nickname').notNull(),
  holderName: text('holder_name').notNull(),
  routingNumber: text('routing_number').notNull(),
  accountNumberEncrypted: bytea('account_number_encrypted').notNull(),
  accountLast4: text('account_last4').notNull(),
  accountType: text('account_type').$type<AccountType>().notNull(),
  status: text('status').$type<BankAccountStatus>().notNull().default('verifying'),
  verificationMethod: text('verification_method').$type<VerificationMethod>().notNull(),
  prenoteSentOn: date('prenote_sent_on', { mode: 'string' }),
  usableFrom: date('usable_from', { mode: 'string' }),
  microDeposit1Cents: integer('micro_deposit_1_cents'),
  microDeposit2Cents: integer('micro_deposit_2_cents'),
  triesLeft: integer('tries_left'),
  depositsSent: boolean('deposits_sent').notNull().default(false),
  problem: text('problem'),
  achTrace: text('ach_trace'),
  achFileDate: date('ach_file_date', { mode: 'string' }),
  nocCode: text('noc_code').$type<'C01' | 'C02' | 'C03'>(),
  nocAt: instant('noc_at'),
  addedBy: text('added_by').notNull(),
  addedAt: instant('added_at').notNull(),
  removedAt: instant('removed_at'),
});

export const payments = pgTable('payments', {
  confirmationNumber: text('confirmation_number').primaryKey(),
  groupNumber: text('group_number').notNull(),
  bankAccountId: text('bank_account_id').notNull(),
  amountCents: cents('amount_cents').notNull(),
  paymentDate: date('payment_date', { mode: 'string' }).notNull(),
  settlementDate: date('settlement_date', { mode: 'string' }).notNull(),
  status: text('status').$type<PaymentStatus>().notNull().default('scheduled'),
  autopay: boolean('autopay').notNull().default(false),
  autopayInvoiceNumber: text('autopay_invoice_number'),
  preDebitNoticeAt: instant('pre_debit_notice_at'),
  submittedBy: text('submitted_by').notNull(),
  submittedAt: instant('submitted_at').notNull(),
  cancelledAt: instant('cancelled_at'),
  settledAt: instant('settled_at'),
  returnedAt: instant('returned_at'),
  returnCode: text('return_code'),
  returnReason: text('return_reason'),
  authorizationVersion: text('authorization_version').notNull(),
  achTrace: text('ach_trace'),
  achFileDate: date('ach_file_date', { mode: 'string' }),
});

export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    confirmationNumber: text('confirmation_number').notNull(),
    invoiceNumber: text('invoice_number').notNull(),
    amountCents: cents('amount_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.confirmationNumber, t.invoiceNumber] })],
);

export const autopay = pgTable('autopay', {
  groupNumber: text('group_number').primaryKey(),
  status: text('status').$type<'active' | 'suspended' | 'cancelled'>().notNull(),
  bankAccountId: text('bank_account_id').notNull(),
  timing: text('timing').$type<'due_date' | 'days_before'>().notNull(),
  daysBefore: integer('days_before'),
  authorizationVersion: text('authorization_version').notNull(),
  authorizationTextHash: text('authorization_text_hash').notNull(),
  acceptedBy: text('accepted_by').notNull(),
  acceptedAt: instant('accepted_at').notNull(),
  acceptedIp: text('accepted_ip'),
  suspendedReason: text('suspended_reason'),
  skippedInvoices: jsonb('skipped_invoices').$type<string[]>().notNull().default([]),
  updatedAt: instant('updated_at').notNull(),
});
