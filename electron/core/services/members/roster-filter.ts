import type { MemberStatus, Relationship } from '@shared/contract/schemas/member';
import { visibleSince } from '@shared/domain/member-status';
import type { SearchTerms } from './search-text';

export interface RosterFilter {
  groupNumber: string;
  today: string;
  terms: SearchTerms;
  statuses?: readonly MemberStatus[] | undefined;
  planCodes?: readonly string[] | undefined;
  relationships?: readonly Relationship[] | undefined;
}

/** Status as of @today in SQL, the same rule as shared/domain memberStatusOn. */
const statusCondition: Record<MemberStatus, string> = {
  active: `(m.effective_date <= @today AND (m.termination_date IS NULL OR m.termination_date >= @today))`,
  pending: `m.effective_date > @today`,
  terminated: `m.termination_date < @today`,
};

/**
 * The WHERE clause of a roster query over alias `m`, built from constant fragments; every value is
 * a named parameter. Lists travel as one JSON parameter read with json_each, so the SQL text (and
 * its cached statement) does not change with the number of values picked.
 */
export function rosterWhere(filter: RosterFilter): { where: string; params: Record<string, string | null>; searching: boolean } {
  const terms = filter.terms;
  const searching = terms.kind === 'name' || terms.kind === 'id';
  const clauses = [
    // While searching, the matches (a few, or a few thousand) drive the query; unary + stops SQLite
    // from walking the whole group's index instead and testing each of 250,000 rows.
    searching ? '+m.group_number = @group' : 'm.group_number = @group',
    // Terminated members stay visible read-only for two years (docs/architecture.md#domain-rules).
    '(m.termination_date IS NULL OR m.termination_date >= @visibleSince)',
  ];
  const params: Record<string, string | null> = {
    group: filter.groupNumber,
    today: filter.today,
    visibleSince: visibleSince(filter.today),
  };
  const statuses = new Set(filter.statuses ?? []);
  if (statuses.size > 0 && statuses.size < 3) clauses.push(`(${[...statuses].sort().map((s) => statusCondition[s]).join(' OR ')})`);
  if (filter.planCodes !== undefined && filter.planCodes.length > 0) {
    clauses.push('m.plan_code IN (SELECT value FROM json_each(@planCodes))');
    params.planCodes = JSON.stringify(filter.planCodes);
  }
  if (filter.relationships !== undefined && filter.relationships.length > 0) {
    clauses.push('m.relationship IN (SELECT value FROM json_each(@relationships))');
    params.relationships = JSON.stringify(filter.relationships);
  }
  switch (terms.kind) {
    case 'all':
      break;
    case 'none':
      clauses.push('0');
      break;
    case 'name':
      clauses.push('m.id IN (SELECT rowid FROM members_fts WHERE members_fts MATCH @match)');
      params.match = terms.match;
      break;
    case 'id':
      params.idFrom = terms.idFrom;
      params.idTo = terms.idTo;
      if (terms.last4 === null) clauses.push('m.id IN (SELECT id FROM members WHERE member_id >= @idFrom AND member_id < @idTo)');
      else {
        clauses.push(
          'm.id IN (SELECT id FROM members WHERE member_id >= @idFrom AND member_id < @idTo UNION ALL SELECT id FROM members WHERE group_number = @group AND ssn_last4 = @last4)',
        );
        params.last4 = terms.last4;
      }
      break;
  }
  return { where: clauses.join(' AND '), params, searching };
}
