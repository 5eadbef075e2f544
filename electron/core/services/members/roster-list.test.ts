import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { fixtureStore, fixtureToday } from '../../test-support/member-fixtures';
import { familyPageSql, listRoster } from './roster-list';
import { rosterWhere } from './roster-filter';
import { parseSearchText } from './search-text';

const store = fixtureStore();
const list = (input: Record<string, unknown>) => listRoster(store.db, contract['members.list'].input.parse({ groupNumber: '4321', ...input }), fixtureToday);
const ids = (input: Record<string, unknown>) => list(input).rows.map((r) => r.memberId);

describe('members.list', () => {
  it('groups each family under its subscriber, families in the subscriber’s name order', () => {
    expect(ids({})).toEqual(['432000002', '432000002-01', '432000005', '432000003', '432000001', '432000001-01', '432000001-02']);
  });

  it('reverses the family order for desc but keeps the subscriber first within each family', () => {
    expect(ids({ sort: { by: 'lastName', dir: 'desc' } })).toEqual(['432000001', '432000001-01', '432000001-02', '432000003', '432000005', '432000002', '432000002-01']);
  });

  it('orders every member by its own value without grouping', () => {
    expect(list({ grouping: 'none' }).rows.map((r) => `${r.lastName} ${r.firstName}`)).toEqual([
      'Abbott Beth', 'Abbott Zoe', 'Miller Mark', 'Muñoz José', 'Zimmer Aaron', 'Zimmer Walter', 'Zimmer Yves',
    ]);
  });

  it('sorts by status (active, pending, terminated) and by termination date with open coverage last', () => {
    expect(list({ grouping: 'none', sort: { by: 'status', dir: 'asc' } }).rows.map((r) => `${r.status} ${r.firstName}`)).toEqual([
      'active Beth', 'active Aaron', 'active Walter', 'active Yves', 'pending José', 'terminated Zoe', 'terminated Mark',
    ]);
    expect(list({ grouping: 'none', sort: { by: 'terminationDate', dir: 'asc' } }).rows.map((r) => r.firstName)).toEqual(['Zoe', 'Mark', 'Beth', 'José', 'Aaron', 'Walter', 'Yves']);
    expect(list({ grouping: 'none', sort: { by: 'dateOfBirth', dir: 'desc' } }).rows[0]?.firstName).toBe('Yves');
    expect(ids({ sort: { by: 'planName', dir: 'asc' } })).toEqual(['432000001', '432000001-01', '432000001-02', '432000002', '432000002-01', '432000005', '432000003']);
  });

  it('pages the status and plan-name sorts segment by segment in the order one sort gives, at every offset', () => {
    for (const by of ['status', 'planName']) {
      for (const dir of ['asc', 'desc']) {
        for (const grouping of ['family', 'none']) {
          for (const filters of [{}, { statuses: ['active', 'terminated'] }, { planCodes: ['HMO-Z'] }]) {
            const whole = ids({ sort: { by, dir }, grouping, ...filters });
            const label = `${by} ${dir} ${grouping} ${JSON.stringify(filters)}`;
            expect(whole.length, label).toBe(list({ grouping, ...filters }).total);
            for (let offset = 0; offset <= whole.length; offset++) {
              for (const limit of [1, 2, 3]) expect(ids({ sort: { by, dir }, grouping, offset, limit, ...filters }), `${label} ${offset}+${limit}`).toEqual(whole.slice(offset, offset + limit));
            }
          }
        }
      }
    }
    // The same order as sorting the whole group by the key in one statement (roster-order.ts's keys).
    for (const by of ['status', 'planName'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const query = contract['members.list'].input.parse({ groupNumber: '4321', sort: { by, dir } });
        const { where, params } = rosterWhere({ groupNumber: '4321', today: fixtureToday, terms: parseSearchText(undefined) });
        const sorted = store.db.prepare(familyPageSql(where, query, false)).all({ ...params, limit: 100, offset: 0 }) as { member_id: string }[];
        expect(ids({ sort: { by, dir } }), `${by} ${dir}`).toEqual(sorted.map((r) => r.member_id));
      }
    }
  });

  it('has no member without a plan name for the plan-name sort to place: the store refuses a plan not among the group\'s', () => {
    const own = fixtureStore();
    expect(() => own.db.prepare(`UPDATE members SET plan_code = 'NO-SUCH-PLAN' WHERE member_id = '432000001'`).run()).toThrow(/FOREIGN KEY/);
  });

  it('computes status as of today and hides members terminated more than two years ago', () => {
    const rows = list({ grouping: 'none' }).rows;
    expect(Object.fromEntries(rows.map((r) => [r.firstName, r.status]))).toMatchObject({ José: 'pending', Zoe: 'terminated', Mark: 'terminated', Walter: 'active' });
    expect(rows.some((r) => r.lastName === 'Gone')).toBe(false);
    expect(list({}).total).toBe(7);
  });

  it('filters by status, plan and relationship, keeping family order', () => {
    expect(ids({ statuses: ['terminated'] })).toEqual(['432000002-01', '432000005']);
    expect(list({ planCodes: ['HMO-Z'] }).total).toBe(4);
    expect(ids({ relationships: ['spouse'] })).toEqual(['432000001-01']);
    expect(list({ statuses: ['active', 'pending', 'terminated'] }).total).toBe(7);
    expect(list({ statuses: ['pending'], planCodes: ['PPO-A'] }).total).toBe(0);
  });

  it('counts the matches outside the filters when the filters alone empty the list', () => {
    // Zoe Abbott is terminated: the day-to-day statuses hide her, though her name matches.
    expect(list({ query: 'zoe', statuses: ['active', 'pending'] })).toMatchObject({ total: 0, rows: [], matchesWithoutFilters: 1 });
    expect(list({ query: 'abbott', planCodes: ['HMO-Z'], relationships: ['spouse'] })).toMatchObject({ total: 0, matchesWithoutFilters: 2 });
    expect(list({ statuses: ['pending'], planCodes: ['PPO-A'] }).matchesWithoutFilters).toBe(7);
    // Members terminated more than two years ago stay out: that is the visibility rule, not a filter.
    expect(list({ query: 'gone', statuses: ['active'] }).matchesWithoutFilters).toBe(0);
    // Not asked for when something matches, or when no filter narrows the list.
    expect(list({ query: 'zoe', statuses: ['terminated'] })).not.toHaveProperty('matchesWithoutFilters');
    expect(list({ query: 'zzz', statuses: ['active', 'pending', 'terminated'] })).not.toHaveProperty('matchesWithoutFilters');
  });

  it('searches name prefixes (diacritics folded), member ID prefixes and exact SSN last 4', () => {
    expect(ids({ query: 'zim' })).toEqual(['432000001', '432000001-01', '432000001-02']);
    expect(ids({ query: 'mun' })).toEqual(['432000003']);
    expect(ids({ query: 'jos mu' })).toEqual(['432000003']);
    expect(ids({ query: '432000002' })).toEqual(['432000002', '432000002-01']);
    expect(ids({ query: '432000001-0' })).toEqual(['432000001-01', '432000001-02']);
    expect(ids({ query: '6789' })).toEqual(['432000002', '432000003', '432000001']);
    expect(list({ query: '456789' }).total).toBe(0);
    expect(list({ query: '"*' }).total).toBe(0);
    expect(list({ query: 'gone' }).total).toBe(0);
  });

  it('pages with offset and limit and reports the total that matches', () => {
    const page = list({ offset: 2, limit: 2 });
    expect(page.total).toBe(7);
    expect(page.rows.map((r) => r.memberId)).toEqual(['432000005', '432000003']);
  });

  it('returns roster rows with plan name, tier, last 4 and no full SSN', () => {
    const walter = list({ query: 'walter' }).rows[0];
    expect(walter).toEqual({
      memberId: '432000001', subscriberId: '432000001', relationship: 'subscriber', firstName: 'Walter', lastName: 'Zimmer', dateOfBirth: '1980-05-05',
      planCode: 'PPO-A', planName: 'Alpha PPO', tier: 'FAM', status: 'active', effectiveDate: '2020-01-01', terminationDate: null, ssnLast4: '6789', pendingSync: false,
    });
  });

  it('recounts after a write (the count cache follows the data)', () => {
    const own = fixtureStore();
    const count = () => listRoster(own.db, contract['members.list'].input.parse({ groupNumber: '4321' }), fixtureToday).total;
    expect(count()).toBe(7);
    own.db.prepare(`UPDATE members SET termination_date = '2020-01-31' WHERE member_id = '432000001'`).run();
    expect(count()).toBe(6);
  });
});
