import type { RosterSortColumn } from '@shared/contract/methods/members';

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
