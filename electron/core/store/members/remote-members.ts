import type { Database } from 'better-sqlite3';
import type { CoverageSnapshot, MemberSnapshot } from '@shared/plan-api/members';
import { nameSortKey } from '@shared/util/name-sort-key';
import { statement } from '../statements';
import type { Store } from '../store';
import { writeNewMembers } from './member-bulk-writer';
import { coverageColumnNames, type NewMember } from './member-row';
import { memberSpan, type SpanPeriod } from './member-span';

/** A coverage snapshot and when the plan committed it. */
export interface RemoteCoverage {
  snapshot: CoverageSnapshot;
  committedAt: string;
}

/** What the plan says about one member in a batch: its newest snapshot and the coverage rows seen. */
export interface RemoteMember {
  memberId: string;
  snapshot: MemberSnapshot | null;
  committedAt: string;
  coverage: Map<number, RemoteCoverage>;
  /** The coverage is the member's whole history (a transaction's answer), not just what changed. */
  wholeHistory: boolean;
}

export interface ApplyOutcome {
  /** Members written (inserted or updated). */
  written: number;
  /** Members kept in remote_pending: a local change is pending, or the coverage has not arrived yet. */
  held: number;
}

/** New members written without the per-row triggers from this many on (a feed page of a first sync). */
const bulkThreshold = 256;

interface LocalRow {
  id: number;
  version: number;
  pending_sync: number;
  updated_at: string;
}

/**
 * Applies remote members (docs/architecture.md#pull) to the replica inside the caller's transaction:
 * remote rows are written with pending_sync = 0; a member whose local row has a pending change is
 * not touched (its remote state waits in remote_pending for applyDeferredRemote); a member snapshot
 * older than the local version is skipped, and so is a coverage change committed before the local
 * row was last written (it is already in it). A new member is inserted once its coverage is known:
 * the feed may deliver the snapshot on one page and the coverage on the next.
 */
export function applyRemoteMembers(store: Store, groupNumber: string, batch: Iterable<RemoteMember>): ApplyOutcome {
  const { db } = store;
  const members = [...batch];
  // One statement finds the local rows of the whole batch (a feed page): thousands of single-row
  // lookups from JavaScript cost more than the inserts of a first sync.
  const locals = new Map(
    (
      statement(db, 'SELECT member_id, id, version, pending_sync, updated_at FROM members WHERE member_id IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(members.map((m) => m.memberId)),
      ) as (LocalRow & { member_id: string })[]
    ).map((row) => [row.member_id, row]),
  );
  const heldIds = new Set(statement(db, 'SELECT DISTINCT member_id FROM remote_pending WHERE group_number = ?').pluck().all(groupNumber) as string[]);
  const isPending = (memberId: string): boolean => locals.get(memberId)?.pending_sync === 1;
  const heldRows = takeHeld(
    db,
    members.filter((m) => heldIds.has(m.memberId) && !isPending(m.memberId)).map((m) => m.memberId),
  );
  const fresh: RemoteMember[] = [];
  let written = 0;
  let held = 0;
  for (const remote of members) {
    const local = locals.get(remote.memberId);
    if (local !== undefined && local.pending_sync === 1) {
      hold(db, groupNumber, remote);
      held++;
      continue;
    }
    const rows = heldRows.get(remote.memberId);
    const merged = rows === undefined ? remote : withHeld(remote, rows);
    if (local !== undefined) {
      if (updateMember(store, groupNumber, local, merged)) written++;
    } else if (merged.snapshot !== null && merged.coverage.size > 0) {
      fresh.push(merged);
    } else {
      hold(db, groupNumber, merged);
      held++;
    }
  }
  // Subscribers before their dependents (`123456789` sorts before `123456789-01`): a dependent
  // written first would be an open deferred foreign-key violation, and while one is open SQLite
  // looks for children of every member inserted after it.
  fresh.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  writeNewMembers(
    store,
    fresh.flatMap((remote) => (remote.snapshot === null ? [] : [newMember(groupNumber, remote, remote.snapshot)])),
    { bulk: fresh.length >= bulkThreshold },
  );
  return { written: written + fresh.length, held };
}

interface HeldRow {
  member_id: string;
  entity: string;
  snapshot: string;
  committed_at: string;
}

/**
 * Reads and clears what remote_pending holds for these members, in one statement each: on a first
 * sync every page holds the members whose coverage is on the next one (up to a thousand a page).
 */
function takeHeld(db: Database, memberIds: readonly string[]): Map<string, HeldRow[]> {
  const byMember = new Map<string, HeldRow[]>();
  if (memberIds.length === 0) return byMember;
  const ids = JSON.stringify(memberIds);
  const rows = statement(db, 'SELECT member_id, entity, snapshot, committed_at FROM remote_pending WHERE member_id IN (SELECT value FROM json_each(?))').all(ids) as HeldRow[];
  statement(db, 'DELETE FROM remote_pending WHERE member_id IN (SELECT value FROM json_each(?))').run(ids);
  for (const row of rows) {
    const list = byMember.get(row.member_id);
    if (list === undefined) byMember.set(row.member_id, [row]);
    else list.push(row);
  }
  return byMember;
}

/** Adds the member's rows taken from remote_pending to `remote`. */
function withHeld(remote: RemoteMember, rows: readonly HeldRow[]): RemoteMember {
  const merged: RemoteMember = { ...remote, coverage: new Map(remote.coverage) };
  for (const row of rows) {
    if (row.entity === 'member') {
      const snapshot = JSON.parse(row.snapshot) as MemberSnapshot;
      if (merged.snapshot === null || snapshot.version > merged.snapshot.version) {
        merged.snapshot = snapshot;
        merged.committedAt = row.committed_at;
      }
    } else {
      const snapshot = JSON.parse(row.snapshot) as CoverageSnapshot;
      const known = merged.coverage.get(snapshot.id);
      if (known === undefined || row.committed_at > known.committedAt) merged.coverage.set(snapshot.id, { snapshot, committedAt: row.committed_at });
    }
  }
  return merged;
}

/** Keeps a member's remote state in remote_pending (newest wins per entity). */
function hold(db: Database, groupNumber: string, remote: RemoteMember): void {
  const put = statement(
    db,
    `INSERT INTO remote_pending (entity, entity_id, group_number, member_id, snapshot, committed_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (entity, entity_id) DO UPDATE SET snapshot = excluded.snapshot, committed_at = excluded.committed_at
     WHERE excluded.committed_at >= remote_pending.committed_at`,
  );
  if (remote.snapshot !== null) put.run('member', remote.memberId, groupNumber, remote.memberId, JSON.stringify(remote.snapshot), remote.committedAt);
  for (const { snapshot, committedAt } of remote.coverage.values()) put.run('coverage', String(snapshot.id), groupNumber, remote.memberId, JSON.stringify(snapshot), committedAt);
}

/** Updates an existing, not pending member; true if anything was written. */
function updateMember(store: Store, groupNumber: string, local: LocalRow, remote: RemoteMember): boolean {
  const { db } = store;
  let changed = false;
  const snapshot = remote.snapshot;
  if (snapshot !== null && snapshot.version > local.version) {
    const last4 = snapshot.ssn === null ? null : snapshot.ssn.slice(-4);
    statement(
      db,
      `UPDATE members SET subscriber_id = @subscriberId, relationship = @relationship, first_name = @firstName, middle_name = @middleName,
         last_name = @lastName, suffix = @suffix, last_name_key = @lastNameKey, first_name_key = @firstNameKey, date_of_birth = @dateOfBirth, gender = @gender,
         ssn_encrypted = CASE WHEN ssn_last4 IS @last4 AND ssn_encrypted IS NOT NULL THEN ssn_encrypted ELSE @ssnEncrypted END, ssn_last4 = @last4,
         address = @address, phone = @phone, email = @email, hire_date = @hireDate, employment_status = @employmentStatus, employee_class = @employeeClass, disabled = @disabled,
         same_address_as_subscriber = @sameAddressAsSubscriber,
         version = @version, pending_sync = 0, updated_at = @updatedAt
       WHERE id = @id`,
    ).run({
      id: local.id,
      subscriberId: snapshot.subscriberId,
      relationship: snapshot.relationship,
      firstName: snapshot.firstName,
      middleName: snapshot.middleName,
      lastName: snapshot.lastName,
      lastNameKey: nameSortKey(snapshot.lastName),
      firstNameKey: nameSortKey(snapshot.firstName),
      suffix: snapshot.suffix,
      dateOfBirth: snapshot.dateOfBirth,
      gender: snapshot.gender,
      last4,
      // The plan never sends a whole SSN: what it shares (the mask) is what the replica keeps.
      ssnEncrypted: snapshot.ssn === null ? null : store.cipher.encrypt(snapshot.ssn),
      address: JSON.stringify(snapshot.address),
      phone: snapshot.phone,
      email: snapshot.email,
      hireDate: snapshot.hireDate,
      employmentStatus: snapshot.employmentStatus,
      // A feed entry recorded before the plan knew employee classes has none.
      employeeClass: snapshot.employeeClass ?? null,
      disabled: snapshot.disabled ? 1 : 0,
      // A feed entry recorded before the plan kept the address link has none.
      sameAddressAsSubscriber: snapshot.sameAddressAsSubscriber === true ? 1 : 0,
      version: snapshot.version,
      updatedAt: snapshot.updatedAt,
    });
    changed = true;
  }
  const localSince = Date.parse(local.updated_at);
  const coverage = [...remote.coverage.values()].filter((c) => remote.wholeHistory || !(Date.parse(c.committedAt) < localSince));
  if (remote.wholeHistory && (changed || coverage.length > 0)) {
    // A transaction's answer is the whole history: rows it does not name (a pending change's own) go.
    const keep = JSON.stringify(coverage.map((c) => c.snapshot.id));
    statement(db, 'DELETE FROM coverage_periods WHERE member_ref = ? AND (remote_id IS NULL OR remote_id NOT IN (SELECT value FROM json_each(?)))').run(local.id, keep);
  }
  if (coverage.length > 0) {
    const find = statement(db, 'SELECT id FROM coverage_periods WHERE remote_id = ?').pluck();
    const end = statement(db, 'UPDATE coverage_periods SET end_date = ?, end_reason = ? WHERE id = ? AND (end_date IS NOT ? OR end_reason IS NOT ?)');
    const insert = statement(db, `INSERT INTO coverage_periods (${coverageColumnNames.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const { snapshot: c } of coverage.sort((a, b) => a.snapshot.id - b.snapshot.id)) {
      const id = find.get(c.id) as number | undefined;
      if (id === undefined) insert.run(local.id, groupNumber, c.planCode, c.tier, c.startDate, c.endDate, c.reason, c.id, c.endReason);
      else end.run(c.endDate, c.endReason, id, c.endDate, c.endReason);
    }
    changed = true;
  }
  if (changed) refreshSpan(db, local.id);
  return changed;
}

/** Copies the member's coverage span onto its row (the roster filters and sorts by it). */
export function refreshSpan(db: Database, memberRef: number): void {
  const periods = statement(db, 'SELECT plan_code AS planCode, tier, start_date AS startDate, end_date AS endDate, id AS "order" FROM coverage_periods WHERE member_ref = ?').all(memberRef) as SpanPeriod[];
  if (periods.length === 0) return;
  const span = memberSpan(periods);
  statement(
    db,
    `UPDATE members SET plan_code = ?, tier = ?, effective_date = ?, termination_date = ?
     WHERE id = ? AND (plan_code IS NOT ? OR tier IS NOT ? OR effective_date IS NOT ? OR termination_date IS NOT ?)`,
  ).run(span.planCode, span.tier, span.effectiveDate, span.terminationDate, memberRef, span.planCode, span.tier, span.effectiveDate, span.terminationDate);
}

/** A remote member as a new row: plan, tier and dates as the plan's roster reads them (member-span.ts). */
function newMember(groupNumber: string, remote: RemoteMember, m: MemberSnapshot): NewMember {
  const periods = [...remote.coverage.values()].map((c) => c.snapshot).sort((a, b) => a.id - b.id);
  const span = memberSpan(periods.map((p) => ({ ...p, order: p.id })));
  return {
    row: {
      memberId: m.memberId,
      groupNumber,
      subscriberId: m.subscriberId,
      relationship: m.relationship,
      firstName: m.firstName,
      middleName: m.middleName,
      lastName: m.lastName,
      suffix: m.suffix,
      dateOfBirth: m.dateOfBirth,
      gender: m.gender,
      ssn: m.ssn,
      address: m.address,
      phone: m.phone,
      email: m.email,
      hireDate: m.hireDate,
      employmentStatus: m.employmentStatus,
      // A feed entry recorded before the plan knew employee classes has none.
      employeeClass: m.employeeClass ?? null,
      disabled: m.disabled,
      sameAddressAsSubscriber: m.sameAddressAsSubscriber ?? false,
      ...span,
      version: m.version,
      pendingSync: false,
      updatedAt: m.updatedAt,
    },
    coverage: periods.map((p) => ({ planCode: p.planCode, tier: p.tier, startDate: p.startDate, endDate: p.endDate, reason: p.reason, remoteId: p.id, endReason: p.endReason })),
  };
}
