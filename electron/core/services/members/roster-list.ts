import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '@shared/contract';
import type { RosterRow } from '@shared/contract/schemas/member';
import { statement } from '../../store/statements';
import { cachedCount } from './count-cache';
import { rosterWhere, type RosterFilter } from './roster-filter';
import { orderTerms, sortSegments, isSegmentedSort } from './roster-order';
import { rosterColumns, toRosterRow, type RosterRowRecord } from './roster-row';
import { parseSearchText, type SearchTerms } from './search-text';

export type RosterListQuery = ParsedInput<'members.list'>;

/**
 * One page of the roster and the number of members that match.
 *
 * Family grouping joins each matching member `m` to its subscriber `s` and orders by the
 * subscriber's keys, then by member ID, which puts the subscriber (`123456789`) before its
 * dependents (`123456789-01` …). Walking subscribers through a name index and each family through
 * members_by_family gives that order without sorting the group (asserted in roster-plan.test.ts);
 * CROSS JOIN keeps SQLite from putting `m` outside, which would sort all 250,000 rows. With search
 * text it is the other way round: the matches come first and only they are sorted.
 * A dependent whose subscriber does not match the filters still sits in its family's place.
 */
export function listRoster(db: Database, query: RosterListQuery, today: string): { total: number; rows: RosterRow[]; matchesWithoutFilters?: number } {
  const terms = parseSearchText(query.query);
  const filter: RosterFilter = {
    groupNumber: query.groupNumber,
    today,
    terms,
    statuses: query.statuses,
    planCodes: query.planCodes,
    relationships: query.relationships,
  };
  const { where, params, searching } = rosterWhere(filter);
  const total = countMatches(db, where, params, terms);
  const records = searching || !isSegmentedSort(query.sort.by) ? onePage(db, where, params, query, searching) : segmentedPage(db, where, params, query);
  const rows = records.map((record) => toRosterRow(record, today));
  // An empty list that only the filters emptied: say how many the same search finds without them,
  // so the user is not told "no such member" about one they filtered out.
  if (total > 0 || !filtersActive(filter)) return { total, rows };
  const unfiltered = rosterWhere({ groupNumber: filter.groupNumber, today, terms });
  return { total, rows, matchesWithoutFilters: countMatches(db, unfiltered.where, unfiltered.params, terms) };
}

/** Whether any filter narrows the roster: every status picked narrows nothing, as the WHERE clause does. */
function filtersActive(filter: RosterFilter): boolean {
  const statuses = new Set(filter.statuses ?? []);
  return (statuses.size > 0 && statuses.size < 3) || (filter.planCodes?.length ?? 0) > 0 || (filter.relationships?.length ?? 0) > 0;
}

function countMatches(db: Database, where: string, params: Record<string, string | null>, terms: SearchTerms): number {
  // Without search text every condition is on tally columns: sum a few thousand tallies instead of
  // counting up to 250,000 members (store/migrations/0003_member_tallies.ts).
  const sql = terms.kind === 'all' || terms.kind === 'none' ? `SELECT coalesce(sum(m.n), 0) FROM member_tallies m WHERE ${where}` : `SELECT count(*) FROM members m WHERE ${where}`;
  return cachedCount(db, sql, params);
}

function flatPageSql(where: string, query: RosterListQuery): string {
  return `SELECT ${rosterColumns} FROM members m WHERE ${where}
    ORDER BY ${orderTerms(query.sort.by, query.sort.dir, 'm').join(', ')} LIMIT @limit OFFSET @offset`;
}

export function familyPageSql(where: string, query: RosterListQuery, searching: boolean): string {
  // Every subscriber's relationship is 'subscriber': sorted by it, families fall back to the names.
  const subscriberOrder = orderTerms(query.sort.by === 'relationship' ? 'lastName' : query.sort.by, query.sort.dir, 's');
  // The subscriber's member ID closes its keys, so families never interleave on ties.
  if (!subscriberOrder.some((term) => term.startsWith('s.member_id '))) subscriberOrder.push(`s.member_id ${query.sort.dir === 'asc' ? 'ASC' : 'DESC'}`);
  const order = `ORDER BY ${subscriberOrder.join(', ')}, m.member_id ASC LIMIT @limit OFFSET @offset`;
  // Searching: start from the matches and sort just them. Browsing: walk subscribers in order.
  if (searching) return `SELECT ${rosterColumns} FROM members m CROSS JOIN members s ON s.member_id = m.subscriber_id WHERE ${where} ${order}`;
  return `SELECT ${rosterColumns} FROM members s CROSS JOIN members m ON m.subscriber_id = s.member_id
    WHERE s.group_number = @group AND s.relationship = 'subscriber' AND ${where} ${order}`;
}

function pageSql(where: string, query: RosterListQuery, searching: boolean): string {
  return query.grouping === 'family' ? familyPageSql(where, query, searching) : flatPageSql(where, query);
}

function onePage(db: Database, where: string, params: Record<string, string | null>, query: RosterListQuery, searching: boolean): RosterRowRecord[] {
  return statement(db, pageSql(where, query, searching)).all({ ...params, limit: query.limit, offset: query.offset }) as RosterRowRecord[];
}

/**
 * A sort on a key no index holds (status depends on today; the plan name lives in plans), browsed
 * without search text: the key takes a few values, so the page is read segment after segment, each
 * segment the members (or families) with one value of the key, walked in name order through the
 * name indexes, which is the order that follows the key in roster-order.ts. Sorting the whole group
 * by the key took over a second at 250,000 members. A segment's size is counted only when a page
 * starts beyond its end.
 */
function segmentedPage(db: Database, where: string, params: Record<string, string | null>, query: RosterListQuery): RosterRowRecord[] {
  const alias = query.grouping === 'family' ? 's' : 'm';
  const byName: RosterListQuery = { ...query, sort: { by: 'lastName', dir: query.sort.dir } };
  const segments = sortSegments(db, query.sort.by, query.sort.dir, alias, query.groupNumber);
  const rows: RosterRowRecord[] = [];
  let skip = query.offset;
  for (const segment of segments) {
    if (rows.length >= query.limit) break;
    const segmentWhere = `${where} AND ${segment.condition}`;
    const segmentParams = { ...params, ...segment.params };
    const got = statement(db, pageSql(segmentWhere, byName, false)).all({ ...segmentParams, limit: query.limit - rows.length, offset: skip }) as RosterRowRecord[];
    rows.push(...got);
    // Rows came back: the page reached into this segment, so the next one is read from its start.
    if (got.length > 0) skip = 0;
    else if (skip > 0) skip = Math.max(0, skip - cachedCount(db, segmentCountSql(segmentWhere, query.grouping), segmentParams));
  }
  return rows;
}

function segmentCountSql(where: string, grouping: RosterListQuery['grouping']): string {
  if (grouping === 'none') return `SELECT count(*) FROM members m WHERE ${where}`;
  return `SELECT count(*) FROM members s CROSS JOIN members m ON m.subscriber_id = s.member_id
    WHERE s.group_number = @group AND s.relationship = 'subscriber' AND ${where}`;
}
