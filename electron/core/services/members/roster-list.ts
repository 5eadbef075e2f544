import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '@shared/contract';
import type { RosterRow } from '@shared/contract/schemas/member';
import { statement } from '../../store/statements';
import { cachedCount } from './count-cache';
import { rosterWhere } from './roster-filter';
import { orderTerms } from './roster-order';
import { rosterColumns, toRosterRow, type RosterRowRecord } from './roster-row';
import { parseSearchText } from './search-text';

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
export function listRoster(db: Database, query: RosterListQuery, today: string): { total: number; rows: RosterRow[] } {
  const terms = parseSearchText(query.query);
  const { where, params, searching } = rosterWhere({
    groupNumber: query.groupNumber,
    today,
    terms,
    statuses: query.statuses,
    planCodes: query.planCodes,
    relationships: query.relationships,
  });
  // Without search text every condition is on tally columns: sum a few thousand tallies instead of
  // counting up to 250,000 members (store/migrations/0003_member_tallies.ts).
  const countSql = terms.kind === 'all' || terms.kind === 'none' ? `SELECT coalesce(sum(m.n), 0) FROM member_tallies m WHERE ${where}` : `SELECT count(*) FROM members m WHERE ${where}`;
  const total = cachedCount(db, countSql, params);
  const page = { ...params, limit: query.limit, offset: query.offset };
  const sql = query.grouping === 'family' ? familyPageSql(where, query, searching) : flatPageSql(where, query);
  const records = statement(db, sql).all(page) as RosterRowRecord[];
  return { total, rows: records.map((record) => toRosterRow(record, today)) };
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
