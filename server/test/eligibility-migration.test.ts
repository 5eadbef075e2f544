import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/store/db';

describe('0002_eligibility', () => {
  it('applies on a fresh database and creates the eligibility tables', async () => {
    const opened = await openDatabase({});
    try {
      const result = await opened.db.execute<{ table_name: string }>(
        sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('members', 'coverage_periods', 'eligibility_transactions', 'id_card_requests', 'group_feeds', 'changes') ORDER BY table_name`,
      );
      expect(result.rows.map((r) => r.table_name)).toEqual(['changes', 'coverage_periods', 'eligibility_transactions', 'group_feeds', 'id_card_requests', 'members']);
    } finally {
      await opened.close();
    }
  });
});
