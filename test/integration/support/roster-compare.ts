import Database from 'better-sqlite3';
import path from 'node:path';
import type { Api } from '../../../server/test-support/http';
import type { MemberList, MemberView } from '@shared/plan-api/members';
import { storeFileName } from '../../../electron/core/store/open-store';

/** The fields of a member both sides must agree on, flattened to compare with one `toEqual`. */
export interface RosterRow {
  memberId: string;
  version: number;
  subscriberId: string;
  relationship: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
  dateOfBirth: string;
  gender: string;
  ssnLast4: string | null;
  address: string;
  phone: string | null;
  email: string | null;
  hireDate: string | null;
  employmentStatus: string | null;
  disabled: boolean;
  planCode: string;
  tier: string;
  effectiveDate: string;
  terminationDate: string | null;
  /** "plan tier start..end" of each coverage period, oldest first. */
  coverage: string[];
}

/** JSON with sorted keys: the two stores need not keep an address's keys in the same order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

const period = (p: { planCode: string; tier: string; startDate: string; endDate: string | null }) => `${p.planCode} ${p.tier} ${p.startDate}..${p.endDate ?? ''}`;

/**
 * Every member of the group as the plan service answers GET /v1/groups/:groupNumber/members, page by page.
 * Plan, tier and dates are the member's coverage span as the service's roster query reads it:
 * periods replaced on their first day (end before start) never were in force and are left out.
 */
export async function serviceRoster(api: Api, token: string, groupNumber: string): Promise<RosterRow[]> {
  const rows: RosterRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api<MemberList>('GET', `/v1/groups/${groupNumber}/members?limit=1000&offset=${offset}`, { token });
    if (page.status !== 200) throw new Error(`GET members answered ${page.status}: ${JSON.stringify(page.body)}`);
    rows.push(...page.body.members.map(fromService));
    if (offset + 1000 >= page.body.total) return rows.sort(byMemberId);
  }
}

function fromService(m: MemberView): RosterRow {
  const inForce = m.coverage.filter((c) => c.endDate === null || c.endDate >= c.startDate);
  const latest = [...inForce].sort((a, b) => (a.startDate === b.startDate ? b.id - a.id : b.startDate.localeCompare(a.startDate)))[0];
  if (!latest) throw new Error(`Member ${m.memberId} has no coverage in force on the service`);
  return {
    memberId: m.memberId,
    version: m.version,
    subscriberId: m.subscriberId,
    relationship: m.relationship,
    firstName: m.firstName,
    middleName: m.middleName,
    lastName: m.lastName,
    suffix: m.suffix,
    dateOfBirth: m.dateOfBirth,
    gender: m.gender,
    ssnLast4: m.ssn === null ? null : m.ssn.slice(-4),
    address: canonical(m.address),
    phone: m.phone,
    email: m.email,
    hireDate: m.hireDate,
    employmentStatus: m.employmentStatus,
    disabled: m.disabled,
    planCode: latest.planCode,
    tier: latest.tier,
    effectiveDate: inForce.map((c) => c.startDate).sort()[0] ?? latest.startDate,
    terminationDate: latest.endDate,
    coverage: [...m.coverage].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id).map(period),
  };
}

interface LocalMemberRow {
  id: number;
  member_id: string;
  version: number;
  subscriber_id: string;
  relationship: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  suffix: string | null;
  date_of_birth: string;
  gender: string;
  ssn_last4: string | null;
  address: string;
  phone: string | null;
  email: string | null;
  hire_date: string | null;
  employment_status: string | null;
  disabled: number;
  plan_code: string;
  tier: string;
  effective_date: string;
  termination_date: string | null;
  pending_sync: number;
}

export interface LocalRoster {
  rows: RosterRow[];
  /** Members still marked as a local change the plan has not answered. */
  pending: string[];
}

/**
 * The group's members in the desktop's local store, read from the SQLite file of a closed core
 * (read-only, so the check cannot change what it checks).
 */
export function localRoster(dataDir: string, groupNumber: string): LocalRoster {
  const db = new Database(path.join(dataDir, storeFileName), { readonly: true, fileMustExist: true });
  try {
    const members = db.prepare('SELECT * FROM members WHERE group_number = ? ORDER BY member_id').all(groupNumber) as LocalMemberRow[];
    const periods = db
      .prepare('SELECT member_ref, plan_code AS planCode, tier, start_date AS startDate, end_date AS endDate FROM coverage_periods WHERE group_number = ? ORDER BY member_ref, start_date, id')
      .all(groupNumber) as { member_ref: number; planCode: string; tier: string; startDate: string; endDate: string | null }[];
    const coverage = new Map<number, string[]>();
    for (const p of periods) coverage.set(p.member_ref, [...(coverage.get(p.member_ref) ?? []), period(p)]);
    return {
      rows: members.map((m) => ({
        memberId: m.member_id,
        version: m.version,
        subscriberId: m.subscriber_id,
        relationship: m.relationship,
        firstName: m.first_name,
        middleName: m.middle_name,
        lastName: m.last_name,
        suffix: m.suffix,
        dateOfBirth: m.date_of_birth,
        gender: m.gender,
        ssnLast4: m.ssn_last4,
        address: canonical(JSON.parse(m.address)),
        phone: m.phone,
        email: m.email,
        hireDate: m.hire_date,
        employmentStatus: m.employment_status,
        disabled: m.disabled === 1,
        planCode: m.plan_code,
        tier: m.tier,
        effectiveDate: m.effective_date,
        terminationDate: m.termination_date,
        coverage: coverage.get(m.id) ?? [],
      })),
      pending: members.filter((m) => m.pending_sync === 1).map((m) => m.member_id),
    };
  } finally {
    db.close();
  }
}

/** How far the desktop has applied the group's feed (its cursor), read beside a running core (WAL lets a reader in). */
export function localCursor(dataDir: string, groupNumber: string): number {
  const db = new Database(path.join(dataDir, storeFileName), { readonly: true, fileMustExist: true });
  try {
    return Number(db.prepare('SELECT sequence FROM sync_cursors WHERE group_number = ?').pluck().get(groupNumber) ?? 0);
  } finally {
    db.close();
  }
}

const byMemberId = (a: RosterRow, b: RosterRow) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);

/** The members that differ, as "<id>: field local=… service=…" lines (empty when the rosters agree). */
export function rosterDifferences(local: readonly RosterRow[], service: readonly RosterRow[]): string[] {
  const differences: string[] = [];
  const remote = new Map(service.map((r) => [r.memberId, r]));
  const seen = new Set<string>();
  for (const row of local) {
    seen.add(row.memberId);
    const other = remote.get(row.memberId);
    if (!other) {
      differences.push(`${row.memberId}: only in the local store`);
      continue;
    }
    for (const key of Object.keys(row) as (keyof RosterRow)[]) {
      if (canonical(row[key]) !== canonical(other[key])) differences.push(`${row.memberId}: ${key} local=${canonical(row[key])} service=${canonical(other[key])}`);
    }
  }
  for (const row of service) if (!seen.has(row.memberId)) differences.push(`${row.memberId}: only on the service`);
  return differences;
}
