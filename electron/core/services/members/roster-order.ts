import type { Database } from 'better-sqlite3';
import type { RosterSortColumn } from '@shared/contract/methods/members';
import { statement } from '../../store/statements';

const names = (a: string) => [`${a}.last_name_key`, `${a}.first_name_key`, `${a}.member_id`];

/**
 * Sort keys per column over alias `a`, each ending in the member ID so every order is total (stable
 * paging). Names sort by their collation keys (store migration 0013: Álvarez among the A's) and
 * tie-break the rest. The lastName keys match members_by_last_name and subscribers_by_last_name column
 * for column, so the default roster order reads an index.
 */
const keys: Record<RosterSortColumn, (a: string) => string[]> = {
  lastName: names,
  firstName: (a) => [`${a}.first_name_key`, `${a}.last_name_key`, `${a}.member_id`],
  memberId: (a) => [`${a}.member_id`],
  relationship: (a) => [
    `CASE ${a}.relationship WHEN 'subscriber' THEN 0 WHEN 'spouse' THEN 1 WHEN 'domestic_partner' THEN 2 WHEN 'child' THEN 3 WHEN 'stepchild' THEN 4 WHEN 'adopted_child' THEN 5 ELSE 6 END`,
    ...names(a),
  ],
  dateOfBirth: (a) => [`${a}.date_of_birth`, ...names(a)],
  planName: (a) => [`(SELECT p.name FROM plans p WHERE p.group_number = ${a}.group_number AND p.plan_code = ${a}.plan_code)`, ...names(a)],
  tier: (a) => [`CASE ${a}.tier WHEN 'EMP' THEN 0 WHEN 'ESP' THEN 1 WHEN 'ECH' THEN 2 ELSE 3 END`, ...names(a)],
  // Same order as the words: active, pending, terminated.
  status: (a) => [`CASE WHEN ${a}.effective_date > @today THEN 1 WHEN ${a}.termination_date < @today THEN 2 ELSE 0 END`, ...names(a)],
  effectiveDate: (a) => [`${a}.effective_date`, ...names(a)],
  // Open-ended coverage sorts after every end date.
  terminationDate: (a) => [`coalesce(${a}.termination_date, '9999-12-31')`, ...names(a)],
};

export function orderTerms(column: RosterSortColumn, dir: 'asc' | 'desc', alias: string): string[] {
  const direction = dir === 'asc' ? 'ASC' : 'DESC';
  return keys[column](alias).map((key) => `${key} ${direction}`);
}

/** One value of a segmented sort key: the SQL condition over its alias that picks its rows. */
export interface SortSegment {
  condition: string;
  params: Record<string, string>;
}

const segmentedColumns = new Set<RosterSortColumn>(['status', 'planName']);

/** The sorts read segment by segment (roster-list.ts) rather than from an index. */
export const isSegmentedSort = (column: RosterSortColumn): boolean => segmentedColumns.has(column);

/**
 * The segments of a segmented sort in page order, each one value of the key that `keys` sorts
 * first by, so that walking them in turn, names after the key, gives the same order. Unary + keeps
 * SQLite walking the name index rather than a date index range that would then need a sort.
 */
export function sortSegments(db: Database, column: RosterSortColumn, dir: 'asc' | 'desc', a: string, groupNumber: string): SortSegment[] {
  const segments = column === 'status' ? statusSegments(a) : planSegments(db, a, groupNumber);
  return dir === 'asc' ? segments : segments.reverse();
}

/** The status key's values in order, 0 active, 1 pending, 2 terminated (effective_date is never NULL). */
function statusSegments(a: string): SortSegment[] {
  return [
    { condition: `+${a}.effective_date <= @today AND (+${a}.termination_date IS NULL OR +${a}.termination_date >= @today)`, params: {} },
    { condition: `+${a}.effective_date > @today`, params: {} },
    { condition: `+${a}.effective_date <= @today AND +${a}.termination_date < @today`, params: {} },
  ];
}

/**
 * One segment per distinct plan name in SQLite's own order, holding every plan code of that name.
 * Every member has a plan name: members.plan_code references plans (the foreign key holds on every
 * connection, store/pragmas.ts), so no segment is needed for a member without one. Such a segment
 * would always be empty and, walked along the name index, would read the whole group on every page.
 */
function planSegments(db: Database, a: string, groupNumber: string): SortSegment[] {
  const names = statement(db, 'SELECT json_group_array(plan_code) AS codes FROM plans WHERE group_number = ? GROUP BY name ORDER BY name').all(groupNumber) as { codes: string }[];
  return names.map(({ codes }) => ({ condition: `+${a}.plan_code IN (SELECT value FROM json_each(@segmentPlans))`, params: { segmentPlans: codes } }));
}
