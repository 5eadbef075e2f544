// Drizzle view of migrations/0015_ach_files.sql (the SQL file is the source of truth; keep both in step).
import { bigint, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const achFiles = pgTable('ach_files', {
  fileDate: date('file_date', { mode: 'string' }).primaryKey(),
  text: text('text'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  entryCount: integer('entry_count').notNull(),
  totalDebitCents: bigint('total_debit_cents', { mode: 'number' }).notNull(),
  totalCreditCents: bigint('total_credit_cents', { mode: 'number' }).notNull(),
});

export const achReturnImports = pgTable(
  'ach_return_imports',
  {
    originalTrace: text('original_trace').notNull(),
    code: text('code').notNull(),
    target: text('target').notNull(),
    outcome: text('outcome').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.originalTrace, t.code] })],
);
