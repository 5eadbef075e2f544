import type { Database } from 'better-sqlite3';
import type { RosterRow } from '@shared/contract/schemas/member';
import { visibleSince } from '@shared/domain/member-status';
import { nameSortKey } from '@shared/util/name-sort-key';
import { statement } from '../../store/statements';
import { rosterColumns, toRosterRow, type RosterRowRecord } from './roster-row';
import { foldName, parseSearchText, prefixUpperBound } from './search-text';

/** How many FTS hits are ranked for the palette: enough for any typed name, bounded for broad prefixes. */
const candidateCap = 200;

const visible = '(m.termination_date IS NULL OR m.termination_date >= @visibleSince)';

/** Surnames starting with the text, in the roster's name order, from the name index (members_by_last_name). */
export const surnamePrefixSql = `SELECT ${rosterColumns} FROM members m WHERE m.group_number = @group AND m.last_name_key >= @from AND m.last_name_key < @to AND ${visible}
  ORDER BY m.last_name_key, m.first_name_key, m.member_id LIMIT @limit`;

/**
 * Command-palette search, best matches first, in a few milliseconds over 250,000 members:
 * - a member ID prefix (and, for 4 digits, SSN last-4 matches first) in member ID order;
 * - a name: surnames starting with the text first, alphabetically, straight from the name index;
 *   then other FTS matches (first names, later words of a surname, diacritics folded) ranked in
 *   memory: surname-prefix, then first-name-prefix, covered before ended, then by name. FTS's own
 *   bm25 rank is not used: it scores every hit, 16 ms for a prefix like "mar" over 200,000 members.
 */
export function searchMembers(db: Database, groupNumber: string, text: string, limit: number, today: string): RosterRow[] {
  const terms = parseSearchText(text);
  const base = { group: groupNumber, visibleSince: visibleSince(today), limit };
  let records: RosterRowRecord[] = [];
  if (terms.kind === 'id') {
    if (terms.last4 !== null) {
      records = statement(db, `SELECT ${rosterColumns} FROM members m WHERE m.group_number = @group AND m.ssn_last4 = @last4 AND ${visible} ORDER BY m.member_id LIMIT @limit`).all({
        ...base,
        last4: terms.last4,
      }) as RosterRowRecord[];
    }
    const byId = statement(
      db,
      // Unary + keeps SQLite on the member ID range (a few rows) rather than the group's index (all of them).
      `SELECT ${rosterColumns} FROM members m WHERE m.member_id >= @idFrom AND m.member_id < @idTo AND +m.group_number = @group AND ${visible} ORDER BY m.member_id LIMIT @limit`,
    ).all({ ...base, idFrom: terms.idFrom, idTo: terms.idTo }) as RosterRowRecord[];
    records = dedupe([...records, ...byId]);
  } else if (terms.kind === 'name') {
    // The range is on the surname's sort key, the column the name index is built on (migration 0013):
    // SQLite seeks to the first surname with the prefix and reads the first `limit` rows. On the name
    // itself it could only walk the group's index in key order testing each row, which took longer
    // the larger the group (half a second for "mar" at 250,000 members).
    const key = terms.tokens.length === 1 ? nameSortKey(terms.tokens[0] ?? '') : '';
    if (key !== '') records = statement(db, surnamePrefixSql).all({ ...base, from: key, to: prefixUpperBound(key) }) as RosterRowRecord[];
    if (records.length < limit) {
      // Rank light candidates first, then read whole rows for the few that are shown.
      const candidates = statement(
        db,
        `SELECT m.id, m.member_id, m.first_name, m.last_name,
           m.effective_date <= @today AND (m.termination_date IS NULL OR m.termination_date >= @today) AS covered
         FROM members_fts f JOIN members m ON m.id = f.rowid
         WHERE members_fts MATCH @match AND +m.group_number = @group AND ${visible} LIMIT @cap`,
      ).all({ ...base, today, match: terms.match, cap: candidateCap }) as Candidate[];
      const seen = new Set(records.map((r) => r.member_id));
      const best = rankNameMatches(candidates.filter((c) => !seen.has(c.member_id)), terms.tokens).slice(0, limit - records.length);
      const rows = statement(db, `SELECT ${rosterColumns}, m.id FROM members m WHERE m.id IN (SELECT value FROM json_each(@ids))`).all({
        ids: JSON.stringify(best.map((c) => c.id)),
      }) as (RosterRowRecord & { id: number })[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      records = [...records, ...best.flatMap((c) => byId.get(c.id) ?? [])];
    }
  }
  return records.slice(0, limit).map((record) => toRosterRow(record, today));
}

interface Candidate {
  id: number;
  member_id: string;
  first_name: string;
  last_name: string;
  covered: number;
}

function rankNameMatches(candidates: Candidate[], tokens: string[]): Candidate[] {
  const first = foldName(tokens[0] ?? '');
  const score = (c: Candidate) => (foldName(c.last_name).startsWith(first) ? 0 : foldName(c.first_name).startsWith(first) ? 2 : 4) + (c.covered ? 0 : 1);
  const scored = candidates.map((c) => ({ c, score: score(c), key: `${foldName(c.last_name)}\u0000${foldName(c.first_name)}\u0000${c.member_id}` }));
  scored.sort((a, b) => a.score - b.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return scored.map((s) => s.c);
}

function dedupe<T extends { member_id: string }>(records: T[]): T[] {
  const seen = new Set<string>();
  return records.filter((r) => !seen.has(r.member_id) && seen.add(r.member_id));
}
