import type { Migration } from './migration';

/**
 * Drops the Bill Pay tables (invoices, invoice_lines, bank_accounts, payments, autopay_enrollments)
 * and audit_log that 0001 created ahead of the work that would use them: nothing reads or writes
 * them, and an empty table still reads as a promise to whoever opens the schema. The work that
 * replicates invoices and payments adds the tables it needs in its own step. Children go first, so
 * no foreign key ever points at a table already gone.
 */
export const dropUnusedTables: Migration = {
  version: 9,
  name: '0009_drop_unused_tables',
  up: (db) =>
    db.exec(`
DROP TABLE autopay_enrollments;
DROP TABLE payments;
DROP TABLE bank_accounts;
DROP TABLE invoice_lines;
DROP TABLE invoices;
DROP TABLE audit_log;
`),
};
