import type { Database } from 'better-sqlite3';
import type { Address, CoverageTier } from '@shared/contract/schemas/group';
import type { MemberStatus, Relationship } from '@shared/contract/schemas/member';
import type { RosterScope } from '@shared/contract/methods/rosters';
import { memberStatusOn } from '@shared/domain/member-status';
import { statement } from '../../store/statements';
import { rosterWhere } from '../members/roster-filter';
import { parseSearchText } from '../members/search-text';
import { coverageAsOf, type CoveragePeriod } from './coverage-as-of';
import { allMemberDetails, type MemberDetail, type RosterRecord } from './roster-record';

/** Families read per query: a chunk is a few thousand rows, never the whole group. */
const familiesPerChunk = 1000;

// Fields of one coverage period and periods of one member, joined with control characters no plan
// code, tier or date can hold, so a member's history arrives in one column without JSON's cost.
const fieldSeparator = '\u001f';
const periodSeparator = '\u001e';

export interface RosterAsOfQuery {
  groupNumber: string;
  asOf: string;
  scope: RosterScope;
}

/**
 * One member's row as the chunk query returns it, in raw mode (an array in the SELECT's order):
 * no object with sixteen named keys built per row only to be copied into the record. A detail the
 * download does not show arrives as null.
 */
type MemberAsOfRow = [
  memberId: string,
  subscriberId: string,
  relationship: Relationship,
  firstName: string | null,
  middleName: string | null,
  lastName: string | null,
  suffix: string | null,
  dateOfBirth: string | null,
  gender: 'F' | 'M' | 'U' | null,
  ssnLast4: string | null,
  address: string | null,
  phone: string | null,
  email: string | null,
  hireDate: string | null,
  employmentStatus: 'FT' | 'PT' | null,
  employeeClass: string | null,
  periods: string | null,
];

/**
 * The members of a group as they stood on `asOf`, families together (subscribers in the roster's
 * name order, each followed by their dependents by member ID), read from the coverage history rather than the
 * members' current span: a member terminated since is on an older roster, and a tier changed since
 * shows its old value. Members whose coverage had all ended by `asOf` are left out.
 *
 * The result can be iterated more than once (each pass reads the store again). Each pass reads
 * `familiesPerChunk` families per query and holds only that chunk (a few thousand rows, never the
 * 250,000): no statement stays open while the caller writes a file, so the sync engine can write to
 * the store between chunks. A family is never split across chunks; a change committed between two
 * chunks shows in the later one only.
 */
export function rosterAsOf(db: Database, query: RosterAsOfQuery, details: ReadonlySet<MemberDetail> = everyDetail): Iterable<RosterRecord> {
  const read = rosterRangeReader(db, query, details);
  return {
    *[Symbol.iterator]() {
      let after: SubscriberKey = firstKey;
      for (;;) {
        // The chunk's subscribers first (an index walk), so the cursor moves on even when none of
        // their families matches the scope.
        const subscribers = statement(db, nextSubscribersSql).raw().all({ group: query.groupNumber, ...cursor('after', after), families: familiesPerChunk }) as SubscriberKey[];
        const last = subscribers[subscribers.length - 1];
        if (last === undefined) return;
        yield* read(after, last);
        if (subscribers.length < familiesPerChunk) return;
        after = last;
      }
    },
  };
}

const everyDetail: ReadonlySet<MemberDetail> = new Set(allMemberDetails);

/** Before every subscriber's key: the sort keys and member IDs are never empty. */
export const firstKey: SubscriberKey = ['', '', ''];

/**
 * Reads the families of the subscribers after `after` through `through` (the whole range: null
 * reads to the end of the group), as records in roster order. One query, read whole, not iterated
 * across the caller's yields: while a better-sqlite3 iterator is open, every write on the
 * connection (a sync's) fails with "This database connection is busy".
 */
export function rosterRangeReader(db: Database, query: RosterAsOfQuery, details: ReadonlySet<MemberDetail>): (after: SubscriberKey, through: SubscriberKey | null) => RosterRecord[] {
  const scope = query.scope;
  const filtered = scope.kind === 'filtered';
  // The scope's statuses and plans are those on the as-of date, so they are checked on each record;
  // the search text and relationships do not change with the date and go into the SQL.
  const { where, params } = rosterWhere({
    groupNumber: query.groupNumber,
    today: query.asOf,
    terms: parseSearchText(filtered ? scope.query : undefined),
    relationships: filtered ? scope.relationships : undefined,
  });
  const statuses = filtered && scope.statuses !== undefined && scope.statuses.length > 0 ? new Set<MemberStatus>(scope.statuses) : null;
  const planCodes = filtered && scope.planCodes !== undefined && scope.planCodes.length > 0 ? new Set(scope.planCodes) : null;
  const bounded = chunkSql(where, details, true);
  const open = chunkSql(where, details, false);
  const planNames = new Map(
    (statement(db, 'SELECT plan_code, name FROM plans WHERE group_number = ?').all(query.groupNumber) as { plan_code: string; name: string }[]).map((p) => [p.plan_code, p.name]),
  );
  const premium = premiumLookup(db, query.groupNumber, query.asOf);
  return (after, through) => {
    const rows = (
      through === null
        ? statement(db, open).raw().all({ ...params, ...cursor('after', after), asOf: query.asOf })
        : statement(db, bounded).raw().all({ ...params, ...cursor('after', after), ...cursor('through', through), asOf: query.asOf })
    ) as MemberAsOfRow[];
    const records: RosterRecord[] = [];
    for (const row of inFamilyOrder(rows)) {
      const record = toRecord(row, query.asOf, planNames, premium);
      if (record === null || (statuses !== null && !statuses.has(record.status)) || (planCodes !== null && !planCodes.has(record.planCode))) continue;
      records.push(record);
    }
    return records;
  };
}

/** A subscriber's place in the roster's order: last and first name sort keys, then member ID. */
export type SubscriberKey = [lastNameKey: string, firstNameKey: string, memberId: string];

const cursor = (name: string, key: SubscriberKey) => ({ [`${name}Last`]: key[0], [`${name}First`]: key[1], [`${name}Id`]: key[2] });

// The roster screen's own order (migration 0013's sort keys), walked through subscribers_by_last_name:
// a row-value range on the index's columns is a seek, so each chunk reads its own thousand entries
// and no more. Ordering by the names themselves instead matches no index since 0013, and made every
// chunk scan and sort the whole group's subscribers.
const nextSubscribersSql = `SELECT last_name_key, first_name_key, member_id FROM members
  WHERE group_number = @group AND relationship = 'subscriber' AND (last_name_key, first_name_key, member_id) > (@afterLast, @afterFirst, @afterId)
  ORDER BY last_name_key, first_name_key, member_id LIMIT @families`;

/**
 * How many members the roster will hold when the scope's statuses and plans need no check on each
 * record (then the count is exact: the members with coverage not all ended by `asOf`), else null.
 */
export function rosterAsOfCount(db: Database, query: RosterAsOfQuery): number | null {
  const scope = query.scope;
  if (scope.kind === 'filtered' && ((scope.statuses?.length ?? 0) > 0 || (scope.planCodes?.length ?? 0) > 0)) return null;
  const { where, params } = rosterWhere({
    groupNumber: query.groupNumber,
    today: query.asOf,
    terms: parseSearchText(scope.kind === 'filtered' ? scope.query : undefined),
    relationships: scope.kind === 'filtered' ? scope.relationships : undefined,
  });
  // Written as members_by_coverage_end's expression, so the count is a range of that index alone.
  return statement(db, `SELECT count(*) FROM members m WHERE ${where} AND coalesce(m.termination_date, '9999-12-31') >= @asOf`).pluck().get({ ...params, asOf: query.asOf }) as number;
}

// A member's span ends with their last period, so this is "some coverage not ended before asOf".
const stillCovered = '(m.termination_date IS NULL OR m.termination_date >= @asOf)';

/**
 * One chunk: the families of the subscribers after the cursor through the chunk's last, walked in
 * name order through subscribers_by_last_name, each family through members_by_family (named: the
 * group's other indexes on the termination date look cheaper to the planner, and are not), each member's
 * history from coverage_periods_by_member alone (since migration 0016 it holds every column read, so
 * no table row is fetched). The history is joined in the index's order and put in date order by
 * parsePeriods: an ORDER BY inside group_concat sorts each member's one or two periods in a temporary
 * b-tree of their own, a fifth of the query's time.
 * docs/roster-downloads.md shows the plan this relies on.
 */
function chunkSql(where: string, details: ReadonlySet<MemberDetail>, bounded: boolean): string {
  // A detail left unread is a constant NULL: its column is never decoded nor made a string.
  const detail = (name: MemberDetail, column: string) => (details.has(name) ? `m.${column}` : 'NULL');
  return `SELECT m.member_id, m.subscriber_id, m.relationship, ${detail('firstName', 'first_name')}, ${detail('middleName', 'middle_name')}, ${detail('lastName', 'last_name')},
      ${detail('suffix', 'suffix')}, ${detail('dateOfBirth', 'date_of_birth')}, ${detail('gender', 'gender')}, ${detail('ssnLast4', 'ssn_last4')}, ${detail('address', 'address')},
      ${detail('phone', 'phone')}, ${detail('email', 'email')}, ${detail('hireDate', 'hire_date')}, ${detail('employmentStatus', 'employment_status')}, ${detail('employeeClass', 'employee_class')},
      (SELECT group_concat(c.plan_code || '${fieldSeparator}' || c.tier || '${fieldSeparator}' || c.start_date || '${fieldSeparator}' || coalesce(c.end_date, '') || '${fieldSeparator}' || c.id, '${periodSeparator}')
         FROM coverage_periods c WHERE c.member_ref = m.id) AS periods
    FROM members s CROSS JOIN members m INDEXED BY members_by_family ON m.subscriber_id = s.member_id
    WHERE s.group_number = @group AND s.relationship = 'subscriber'
      AND (s.last_name_key, s.first_name_key, s.member_id) > (@afterLast, @afterFirst, @afterId)
      ${bounded ? 'AND (s.last_name_key, s.first_name_key, s.member_id) <= (@throughLast, @throughFirst, @throughId)' : ''}
      AND ${where} AND ${stillCovered}
    ORDER BY s.last_name_key, s.first_name_key, s.member_id`;
}

/**
 * The rows with each family's members by member ID. The chunk query orders the families only: each
 * family comes from members_by_family, in member ID order already, and asking SQL to order it again
 * sorted every family in a temporary b-tree (a tenth of the query). The order is checked here, since
 * only an ORDER BY would promise it.
 */
export function inFamilyOrder<Row extends readonly [memberId: string, subscriberId: string, ...rest: unknown[]]>(rows: Row[]): Row[] {
  for (let index = 1; index < rows.length; index += 1) {
    const previous = rows[index - 1] as Row;
    const row = rows[index] as Row;
    if (row[1] === previous[1] && row[0] < previous[0]) return sortedFamilies(rows);
  }
  return rows;
}

function sortedFamilies<Row extends readonly [memberId: string, subscriberId: string, ...rest: unknown[]]>(rows: readonly Row[]): Row[] {
  const families: Row[][] = [];
  for (const row of rows) {
    const family = families[families.length - 1];
    if (family !== undefined && (family[0] as Row)[1] === row[1]) family.push(row);
    else families.push([row]);
  }
  return families.flatMap((family) => family.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** The address of a record whose download shows none. */
const unreadAddress = Object.freeze({ line1: '', city: '', state: '', zip: '' }) as unknown as Address;

function toRecord(row: MemberAsOfRow, asOf: string, planNames: ReadonlyMap<string, string>, premium: (planCode: string, tier: CoverageTier) => number | null): RosterRecord | null {
  const [memberId, subscriberId, relationship, firstName, middleName, lastName, suffix, dateOfBirth, gender, ssnLast4, address, phone, email, hireDate, employmentStatus, employeeClass, periods] = row;
  const coverage = coverageAsOf(parsePeriods(periods), asOf);
  if (coverage === null) return null;
  return {
    memberId,
    subscriberId,
    relationship,
    firstName: firstName ?? '',
    middleName,
    lastName: lastName ?? '',
    suffix,
    dateOfBirth: dateOfBirth ?? '',
    gender: gender ?? 'U',
    ssnLast4,
    // Written by the store's own member writer from a checked address; parsing it again per row would cost more than the row.
    address: address === null ? unreadAddress : (JSON.parse(address) as Address),
    phone,
    email,
    hireDate,
    employmentStatus,
    employeeClass,
    planCode: coverage.planCode,
    planName: planNames.get(coverage.planCode) ?? coverage.planCode,
    tier: coverage.tier,
    status: memberStatusOn(coverage.effectiveDate, coverage.terminationDate, asOf),
    effectiveDate: coverage.effectiveDate,
    terminationDate: coverage.terminationDate,
    monthlyPremiumCents: relationship === 'subscriber' ? premium(coverage.planCode, coverage.tier) : null,
  };
}

/** A member's history, oldest first (by start date, then as recorded). */
function parsePeriods(text: string | null): CoveragePeriod[] {
  if (text === null || text === '') return [];
  // Most members have one period: no list to split, nothing to sort.
  if (!text.includes(periodSeparator)) return [parsePeriod(text)];
  const periods = text.split(periodSeparator).map(parsePeriod);
  // The index gives a member's periods by start date already, but only ORDER BY would promise an order.
  return periods.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id - b.id));
}

function parsePeriod(text: string): CoveragePeriod & { id: number } {
  const [planCode = '', tier = 'EMP', startDate = '', endDate = '', id = '0'] = text.split(fieldSeparator);
  return { planCode, tier: tier as CoverageTier, startDate, endDate: endDate === '' ? null : endDate, id: Number(id) };
}

/** The monthly rate in force on `asOf` per plan and tier, read once per pair. */
function premiumLookup(db: Database, groupNumber: string, asOf: string): (planCode: string, tier: CoverageTier) => number | null {
  const cache = new Map<string, number | null>();
  const rate = statement(
    db,
    `SELECT monthly_cents FROM plan_rates WHERE group_number = ? AND plan_code = ? AND tier = ? AND effective_date <= ? ORDER BY effective_date DESC LIMIT 1`,
  ).pluck();
  return (planCode, tier) => {
    const key = `${planCode}\u0000${tier}`;
    if (!cache.has(key)) cache.set(key, (rate.get(groupNumber, planCode, tier, asOf) as number | undefined) ?? null);
    return cache.get(key) ?? null;
  };
}
