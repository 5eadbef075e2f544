import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { CoverageSnapshot, MemberSnapshot } from '@shared/plan-api/members';
import { nameSortKey } from '@shared/util/name-sort-key';
import { parseChangesPage, type FeedPage } from '../../electron/core/plan-service/feed-parse';
import { PlanClient } from '../../electron/core/plan-service/plan-client';
import { dropRosterIndexes, dropUpkeepTriggers, rebuildSearchIndex, restoreIndexes, restoreTriggers } from '../../electron/core/store/derived-tables';
import { createFieldCipher } from '../../electron/core/store/field-cipher';
import { migrate } from '../../electron/core/store/migrate';
import { migrations } from '../../electron/core/store/migrations';
import { openStore } from '../../electron/core/store/open-store';
import { applyPragmas } from '../../electron/core/store/pragmas';
import { saveGroup } from '../../electron/core/store/repositories/groups-repository';
import { applyFeedPage } from '../../electron/core/sync/apply-page';
import { indexHolidayMinChanges } from '../../electron/core/sync/sync-engine';
import { benchTempDir } from './roster-fixture';
import type { SyncBenchService } from './sync-fixture';

/** What the apply loops need of the bench service: where its feed is and how long it is. */
export type FeedSource = Pick<SyncBenchService, 'url' | 'token' | 'groupNumber' | 'feedRows'>;

/** The group's row, with the plans its coverage names, as the plan service describes it before the first page. */
async function saveServiceGroup(db: Database.Database, service: FeedSource, now: string): Promise<void> {
  const group = await new PlanClient({ url: service.url, token: service.token, signal: new AbortController().signal }).group(service.groupNumber);
  saveGroup(db, group, '2016-01-01', now);
}

/**
 * Reads the feed page by page from the service (not timed) and hands each parsed page to `apply`,
 * which times itself: both loops below see the very same pages.
 */
async function eachFeedPage(service: FeedSource, pageSize: number, apply: (page: FeedPage) => void): Promise<{ rows: number; pages: number }> {
  let after = 0;
  let rows = 0;
  let pages = 0;
  for (;;) {
    const response = await fetch(`${service.url}/v1/groups/${service.groupNumber}/changes?after=${after}&limit=${pageSize}`, { headers: { authorization: `Bearer ${service.token}` } });
    if (response.status !== 200) throw new Error(`Feed page after ${after} answered ${response.status}`);
    const page = parseChangesPage(await response.text(), service.groupNumber);
    apply(page);
    rows += page.changes.length;
    pages++;
    after = page.nextAfter;
    if (!page.hasMore) return { rows, pages };
  }
}

/**
 * The replica's own writer: applyFeedPage, one transaction per page, with the same index holiday a
 * first sync of this size takes (sync-engine.ts), into a new store with field encryption.
 */
export async function timeReplicaWriter(service: FeedSource, pageSize: number): Promise<{ ms: number; rows: number; pages: number; members: number }> {
  const dataDir = benchTempDir('groupdesk-bench-sync-apply-');
  const opened = openStore({ dataDir });
  if (opened.db === null) throw new Error(`Bench store not ready: ${JSON.stringify(opened.state)}`);
  const db = opened.db;
  const store = { db, cipher: createFieldCipher(randomBytes(32)), path: dataDir };
  const now = new Date().toISOString();
  await saveServiceGroup(db, service, now);
  const holiday = service.feedRows >= indexHolidayMinChanges;
  let ms = 0;
  const read = await eachFeedPage(service, pageSize, (page) => {
    const started = performance.now();
    applyFeedPage(store, page, { user: null, now, indexHoliday: holiday && page.hasMore, announceInvoices: false });
    ms += performance.now() - started;
  });
  const members = Number(db.prepare('SELECT count(*) FROM members').pluck().get());
  db.close();
  return { ms, ...read, members };
}

/**
 * The floor for the same pages into the same migrated schema: plain prepared INSERTs, one row per
 * statement, one transaction per page, no encryption, no lookups of rows already there; the
 * triggers and roster indexes dropped for the pull and the search index, tallies and indexes built
 * once after the last page, as the writer's index holiday does. A member waits for its coverage if
 * the page ends between them, as the writer's does.
 */
export async function timeBareInserts(service: FeedSource, pageSize: number): Promise<{ ms: number; rows: number; members: number }> {
  const db = new Database(path.join(benchTempDir('groupdesk-bench-sync-apply-bare-'), 'bare.sqlite3'));
  applyPragmas(db);
  migrate(db, migrations);
  const now = new Date().toISOString();
  await saveServiceGroup(db, service, now);
  const insertMember = db.prepare(`INSERT INTO members (member_id, group_number, subscriber_id, relationship, first_name, middle_name, last_name, suffix, date_of_birth, gender,
    ssn_encrypted, ssn_last4, address, phone, email, hire_date, employment_status, employee_class, disabled, plan_code, tier, effective_date, termination_date, version, updated_at,
    last_name_key, first_name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertCoverage = db.prepare('INSERT INTO coverage_periods (member_ref, group_number, plan_code, tier, start_date, end_date, reason, remote_id, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const refs = new Map<string, number | bigint>();
  const waiting = new Map<string, { member: MemberSnapshot | null; coverage: CoverageSnapshot[] }>();
  const start = performance.now();
  const [triggers, indexes] = db.transaction(() => [dropUpkeepTriggers(db), dropRosterIndexes(db)] as const)();
  let ms = performance.now() - start;
  const writeMember = (m: MemberSnapshot, coverage: CoverageSnapshot[]) => {
    const first = coverage[0];
    const last = coverage[coverage.length - 1];
    if (first === undefined || last === undefined) return false;
    const ref = insertMember.run(m.memberId, m.groupNumber, m.subscriberId, m.relationship, m.firstName, m.middleName, m.lastName, m.suffix, m.dateOfBirth, m.gender,
      m.ssn === null ? null : Buffer.from(m.ssn), m.ssn?.slice(-4) ?? null, JSON.stringify(m.address), m.phone, m.email, m.hireDate, m.employmentStatus, m.employeeClass, m.disabled ? 1 : 0,
      last.planCode, last.tier, first.startDate, last.endDate, m.version, m.updatedAt, nameSortKey(m.lastName), nameSortKey(m.firstName)).lastInsertRowid;
    refs.set(m.memberId, ref);
    for (const c of coverage) insertCoverage.run(ref, m.groupNumber, c.planCode, c.tier, c.startDate, c.endDate, c.reason, c.id, c.endReason);
    return true;
  };
  const applyPage = db.transaction((page: FeedPage) => {
    for (const entry of page.changes) {
      if (entry.entity === 'member') {
        const w = waiting.get(entry.payload.memberId) ?? { member: null, coverage: [] };
        w.member = entry.payload;
        waiting.set(entry.payload.memberId, w);
      } else if (entry.entity === 'coverage') {
        const ref = refs.get(entry.payload.memberId);
        const c = entry.payload;
        if (ref !== undefined) insertCoverage.run(ref, page.groupNumber, c.planCode, c.tier, c.startDate, c.endDate, c.reason, c.id, c.endReason);
        else {
          const w = waiting.get(c.memberId) ?? { member: null, coverage: [] };
          w.coverage.push(c);
          waiting.set(c.memberId, w);
        }
      }
    }
    for (const [memberId, w] of waiting) if (w.member !== null && writeMember(w.member, w.coverage)) waiting.delete(memberId);
    if (!page.hasMore) {
      rebuildSearchIndex(db);
      db.exec(`INSERT INTO member_tallies (group_number, plan_code, tier, relationship, effective_date, termination_date, n)
        SELECT group_number, plan_code, tier, relationship, effective_date, coalesce(termination_date, '9999-12-31'), count(*) FROM members GROUP BY 1, 2, 3, 4, 5, 6`);
      restoreIndexes(db, indexes);
      restoreTriggers(db, triggers);
    }
  });
  const read = await eachFeedPage(service, pageSize, (page) => {
    const started = performance.now();
    applyPage.immediate(page);
    ms += performance.now() - started;
  });
  const members = Number(db.prepare('SELECT count(*) FROM members').pluck().get());
  db.close();
  return { ms, rows: read.rows, members };
}
