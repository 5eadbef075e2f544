import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/store/db';

/** The SQLSTATE a statement fails with, whether the driver error arrives bare or wrapped by Drizzle. */
async function sqlState(statement: Promise<unknown>): Promise<string | null> {
  try {
    await statement;
    return null;
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code ?? null;
  }
}

describe('0007_invoices', () => {
  it('keeps one invoice per group and month, numbered INV-<group>-<YYYYMM>-<code> for its own group and month, starting on a month’s first day', async () => {
    const opened = await openDatabase({});
    const { db } = opened;
    try {
      await db.execute(sql`INSERT INTO groups (group_number, name, address, region, policy, created_at) VALUES ('1001', 'Acme', '{}', 'Midwest', '{}', now())`);
      const invoice = (number: string, periodStart: string) =>
        db.execute(sql`INSERT INTO invoices (invoice_number, group_number, period_start, issued_on, due_date, amount_cents, created_at)
                       VALUES (${number}, '1001', ${periodStart}::date, '2026-11-15', ${periodStart}::date, 52000, now())`);
      await invoice('INV-1001-202612-7KQ4M2', '2026-12-01');
      // Another number for the same month: UNIQUE (group_number, period_start), whatever the code.
      expect(await sqlState(invoice('INV-1001-202612-8ZZ0A1', '2026-12-01'))).toBe('23505');
      // Checks: the old guessable form without a code, a code with letters outside the alphabet (I, L,
      // O, U, lower case), a number naming another month or group, and a period not on the 1st.
      for (const malformed of ['INV-1001-202701', 'INV-1001-202701-7KQ4MO', 'INV-1001-202701-7KQ4MU', 'INV-1001-202701-7kq4m2', 'INV-1001-202701-7KQ4M', 'INV-1001-202702-7KQ4M2', 'INV-1002-202701-7KQ4M2']) {
        expect(await sqlState(invoice(malformed, '2027-01-01')), malformed).toBe('23514');
      }
      expect(await sqlState(invoice('INV-1001-202702-7KQ4M2', '2027-02-15'))).toBe('23514');
      await invoice('INV-1001-202701-7KQ4M2', '2027-01-01');
      const status = await db.execute<{ status: string }>(sql`SELECT status FROM invoices`);
      expect(status.rows).toEqual([{ status: 'open' }, { status: 'open' }]);
    } finally {
      await opened.close();
    }
  });
});
