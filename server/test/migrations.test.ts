import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/store/db';
import { migrations } from '../src/store/migrations';
import { createScratchDatabase } from '../test-support/backends';

const appliedCount = async (db: Awaited<ReturnType<typeof openDatabase>>['db']) =>
  (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM schema_migrations`)).rows[0]?.n;

describe('one migration history for both backends', { timeout: 120_000 }, () => {
  it('numbers the migrations 1, 2, … with no gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
    expect(migrations[0]?.name).toBe('0001_accounts');
  });

  it('keeps a PGlite database in the data folder and does not migrate it twice', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'groupdesk-pglite-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await first.db.execute(sql`INSERT INTO lockouts (subject, locked_until) VALUES ('user:kept', now())`);
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      expect(await appliedCount(second.db)).toBe(migrations.length);
      expect((await second.db.execute(sql`SELECT subject FROM lockouts`)).rows).toEqual([{ subject: 'user:kept' }]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)('lets two instances start on one PostgreSQL database at once', async () => {
    const scratch = await createScratchDatabase();
    try {
      const [a, b] = await Promise.all([openDatabase({ databaseUrl: scratch.url }), openDatabase({ databaseUrl: scratch.url })]);
      expect(await appliedCount(a.db)).toBe(migrations.length);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await scratch.drop();
    }
  });

  it('names the server, without its password, when PostgreSQL cannot be reached', async () => {
    await expect(openDatabase({ databaseUrl: 'postgres://app:secret-pw@127.0.0.1:1/nowhere' })).rejects.toThrow(/Cannot connect to PostgreSQL at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/nowhere/);
  });
});
