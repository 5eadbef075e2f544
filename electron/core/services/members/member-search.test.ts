import { describe, expect, it } from 'vitest';
import { fixtureStore, fixtureToday } from '../../test-support/member-fixtures';
import { searchMembers, surnamePrefixSql } from './member-search';

const store = fixtureStore();
const search = (text: string, limit = 10) => searchMembers(store.db, '4321', text, limit, fixtureToday).map((r) => `${r.firstName} ${r.lastName}`);

describe('members.search', () => {
  it('puts surname-prefix matches first, alphabetically, then other name matches', () => {
    expect(search('zim')).toEqual(['Aaron Zimmer', 'Walter Zimmer', 'Yves Zimmer']);
    expect(search('ab')).toEqual(['Beth Abbott', 'Zoe Abbott']);
    expect(search('wal')).toEqual(['Walter Zimmer']);
    expect(search('ZIM')).toEqual(['Aaron Zimmer', 'Walter Zimmer', 'Yves Zimmer']);
    expect(search('Z', 1)).toEqual(['Aaron Zimmer']);
  });

  it('ranks a first-name match after surname matches, and ended coverage after covered', () => {
    const own = fixtureStore();
    own.db.prepare(`UPDATE members SET first_name = 'Zimbo' WHERE member_id = '432000002-01'`).run();
    expect(searchMembers(own.db, '4321', 'zim', 10, fixtureToday).map((r) => r.firstName)).toEqual(['Aaron', 'Walter', 'Yves', 'Zimbo']);
  });

  it('folds diacritics and needs every word', () => {
    expect(search('munoz')).toEqual(['José Muñoz']);
    expect(search('jose mun')).toEqual(['José Muñoz']);
    expect(search('jose zim')).toEqual([]);
  });

  it('finds member ID prefixes and, for 4 digits, exact SSN last 4 first', () => {
    expect(searchMembers(store.db, '4321', '432000001', 10, fixtureToday).map((r) => r.memberId)).toEqual(['432000001', '432000001-01', '432000001-02']);
    expect(searchMembers(store.db, '4321', '6789', 10, fixtureToday).map((r) => r.memberId)).toEqual(['432000001', '432000002', '432000003']);
    expect(searchMembers(store.db, '4321', '4320', 2, fixtureToday)).toHaveLength(2);
  });

  it('never finds hidden members, other groups or a whole SSN', () => {
    expect(search('gone')).toEqual([]);
    expect(searchMembers(store.db, '9999', 'zim', 10, fixtureToday)).toEqual([]);
    expect(search('412556789')).toEqual([]);
    expect(search('412-55-6789')).toEqual([]);
  });

  it('reads surnames by a prefix of their sort key, so accents and capitals do not matter and the index is sought, not walked', () => {
    expect(search('MUÑ')).toEqual(['José Muñoz']);
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${surnamePrefixSql}`).all({ group: '4321', from: 'zim', to: 'zin', visibleSince: fixtureToday, limit: 10 }) as { detail: string }[]).map((r) => r.detail);
    expect(plan[0]).toBe('SEARCH m USING INDEX members_by_last_name (group_number=? AND last_name_key>? AND last_name_key<?)');
    expect(plan.filter((step) => /SCAN|TEMP B-TREE/.test(step))).toEqual([]);
  });

  it('honours the limit', () => {
    expect(search('zim', 2)).toEqual(['Aaron Zimmer', 'Walter Zimmer']);
  });
});
