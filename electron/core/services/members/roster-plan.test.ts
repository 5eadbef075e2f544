import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { fixtureStore, fixtureToday } from '../../test-support/member-fixtures';
import { rosterWhere } from './roster-filter';
import { familyPageSql } from './roster-list';
import { parseSearchText } from './search-text';
import { orderTerms } from './roster-order';

const store = fixtureStore();

function plan(input: Record<string, unknown>): string[] {
  const query = contract['members.list'].input.parse({ groupNumber: '4321', ...input });
  const { where, params, searching } = rosterWhere({ groupNumber: '4321', today: fixtureToday, terms: parseSearchText(query.query) });
  const sql = familyPageSql(where, query, searching);
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ ...params, limit: 100, offset: 0 }) as { detail: string }[]).map((r) => r.detail);
}

describe('roster page query plans', () => {
  it('walks subscribers in name order and each family by index: no sort of the group', () => {
    for (const dir of ['asc', 'desc']) {
      const steps = plan({ sort: { by: 'lastName', dir } });
      expect(steps[0]).toBe('SEARCH s USING COVERING INDEX subscribers_by_last_name (group_number=?)');
      expect(steps[1]).toBe('SEARCH m USING INDEX members_by_family (subscriber_id=?)');
      // At most each family's few rows are ordered by member ID ("LAST TERM"); never the whole group.
      expect(steps).not.toContain('USE TEMP B-TREE FOR ORDER BY');
      expect(steps.filter((s) => s.includes('TEMP B-TREE')).every((s) => s === 'USE TEMP B-TREE FOR LAST TERM OF ORDER BY')).toBe(true);
    }
  });

  it('walks the subscribers in the order of every indexed sort column (0004): no sort of the group', () => {
    const walks = {
      firstName: 'subscribers_by_first_name',
      memberId: 'subscribers_by_member_id',
      dateOfBirth: 'subscribers_by_date_of_birth',
      tier: 'subscribers_by_tier',
      effectiveDate: 'subscribers_by_effective_date',
      terminationDate: 'subscribers_by_termination_date',
      relationship: 'subscribers_by_last_name',
    };
    for (const [by, index] of Object.entries(walks)) {
      for (const dir of ['asc', 'desc']) {
        const steps = plan({ sort: { by, dir } });
        expect(steps[0], `${by} ${dir}`).toMatch(new RegExp(`^SEARCH s USING (COVERING )?INDEX ${index} \\(group_number=\\?\\)$`));
        expect(steps[1], `${by} ${dir}`).toBe('SEARCH m USING INDEX members_by_family (subscriber_id=?)');
        expect(steps, `${by} ${dir}`).not.toContain('USE TEMP B-TREE FOR ORDER BY');
      }
    }
  });

  it('starts a search from its matches, never from the whole group', () => {
    expect(plan({ query: 'zim' }).slice(0, 2)).toEqual(['SEARCH m USING INTEGER PRIMARY KEY (rowid=?)', expect.stringMatching(/^LIST SUBQUERY/)]);
    expect(plan({ query: '4320000' }).slice(0, 2)).toEqual(['SEARCH m USING INTEGER PRIMARY KEY (rowid=?)', expect.stringMatching(/^LIST SUBQUERY/)]);
    expect(plan({ query: '6789' }).join('\n')).toContain('SEARCH members USING COVERING INDEX members_by_ssn_last4 (group_number=? AND ssn_last4=?)');
  });

  it('reads the flat name order from members_by_last_name', () => {
    const query = contract['members.list'].input.parse({ groupNumber: '4321', grouping: 'none' });
    const { where, params } = rosterWhere({ groupNumber: '4321', today: fixtureToday, terms: parseSearchText(undefined) });
    const steps = (
      store.db
        .prepare(`EXPLAIN QUERY PLAN SELECT m.member_id FROM members m WHERE ${where} ORDER BY ${orderTerms('lastName', 'asc', 'm').join(', ')} LIMIT 100`)
        .all(params) as { detail: string }[]
    ).map((r) => r.detail);
    expect(query.grouping).toBe('none');
    expect(steps[0]).toBe('SEARCH m USING INDEX members_by_last_name (group_number=?)');
    expect(steps.join('\n')).not.toContain('TEMP B-TREE');
  });
});
