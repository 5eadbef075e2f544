import Database from 'better-sqlite3';
import path from 'node:path';
import type { ChangesPage } from '@shared/plan-api/changes';
import { applyPragmas } from '../../electron/core/store/pragmas';
import { benchTempDir } from './roster-fixture';

/**
 * The floor for a first sync: the same feed pages over the same loopback HTTP, parsed and applied by
 * a minimal better-sqlite3 loop into plain tables (no constraints beyond the keys, no indexes, no
 * FTS, no encryption, no events), each page in one transaction with its cursor, as the core does.
 */
export async function bareApply(options: { url: string; token: string; groupNumber: string; pageSize: number }): Promise<{ rows: number; pages: number; ms: number; fetch_ms: number }> {
  const db = new Database(path.join(benchTempDir('groupdesk-bench-bare-sync-'), 'bare.sqlite3'));
  applyPragmas(db);
  db.exec(`
    CREATE TABLE members (member_id TEXT PRIMARY KEY, group_number TEXT, subscriber_id TEXT, relationship TEXT, first_name TEXT, middle_name TEXT,
      last_name TEXT, suffix TEXT, date_of_birth TEXT, gender TEXT, ssn TEXT, address TEXT, phone TEXT, email TEXT, hire_date TEXT,
      employment_status TEXT, disabled INTEGER, version INTEGER, updated_at TEXT);
    CREATE TABLE coverage (id INTEGER PRIMARY KEY, member_id TEXT, plan_code TEXT, tier TEXT, start_date TEXT, end_date TEXT, reason TEXT, end_reason TEXT);
    CREATE TABLE other_changes (seq INTEGER PRIMARY KEY, entity TEXT, entity_id TEXT, payload TEXT);
    CREATE TABLE cursor (group_number TEXT PRIMARY KEY, after INTEGER);`);
  const member = db.prepare(`INSERT OR REPLACE INTO members VALUES (@memberId, @groupNumber, @subscriberId, @relationship, @firstName, @middleName, @lastName,
    @suffix, @dateOfBirth, @gender, @ssn, @address, @phone, @email, @hireDate, @employmentStatus, @disabled, @version, @updatedAt)`);
  const coverage = db.prepare(`INSERT OR REPLACE INTO coverage VALUES (@id, @memberId, @planCode, @tier, @startDate, @endDate, @reason, @endReason)`);
  const other = db.prepare(`INSERT OR REPLACE INTO other_changes VALUES (?, ?, ?, ?)`);
  const cursor = db.prepare(`INSERT OR REPLACE INTO cursor VALUES (?, ?)`);
  const applyPage = db.transaction((page: ChangesPage) => {
    for (const change of page.changes) {
      if (change.entity === 'member') member.run({ ...change.payload, address: JSON.stringify(change.payload.address), disabled: change.payload.disabled ? 1 : 0 });
      else if (change.entity === 'coverage') coverage.run(change.payload);
      else other.run(change.seq, change.entity, change.entityId, JSON.stringify(change.payload));
    }
    cursor.run(page.groupNumber, page.nextAfter);
  });

  let rows = 0;
  let pages = 0;
  let after = 0;
  let fetchMs = 0;
  const started = performance.now();
  for (;;) {
    const t = performance.now();
    const response = await fetch(`${options.url}/v1/groups/${options.groupNumber}/changes?after=${after}&limit=${options.pageSize}`, { headers: { authorization: `Bearer ${options.token}` } });
    if (response.status !== 200) throw new Error(`Feed page after ${after} answered ${response.status}`);
    const page = (await response.json()) as ChangesPage;
    fetchMs += performance.now() - t;
    applyPage(page);
    rows += page.changes.length;
    pages++;
    after = page.nextAfter;
    if (!page.hasMore) break;
  }
  const ms = performance.now() - started;
  db.close();
  return { rows, pages, ms, fetch_ms: fetchMs };
}
