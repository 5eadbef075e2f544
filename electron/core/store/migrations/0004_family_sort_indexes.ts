import type { Migration } from './migration';

/**
 * The family-grouped roster sorted by a column other than the name (roster.page.* benchmarks).
 * Family grouping orders families by their subscriber's sort keys (services/members/roster-order.ts)
 * and walks subscribers in that order, fetching each family through members_by_family; without an
 * index in that order SQLite joins and sorts all 250,000 members for the first page (~0.5 s).
 *
 * One partial index per sortable subscriber column, over the ~40% of members who are subscribers,
 * keyed exactly as roster-order.ts sorts (expressions included, so SQLite matches them). A bulk
 * load into an empty roster builds them after the rows like the others (store/derived-tables.ts).
 * Not indexed: status (it depends on today's date) and plan name (looked up in plans); a family
 * roster sorted by relationship is in name order (every subscriber's relationship is the same).
 */
const subscriberKeys = ['last_name', 'first_name', 'member_id'];
const sortIndexes: Record<string, string[]> = {
  subscribers_by_first_name: ['first_name', 'last_name', 'member_id'],
  subscribers_by_member_id: ['member_id'],
  subscribers_by_date_of_birth: ['date_of_birth', ...subscriberKeys],
  subscribers_by_tier: [`CASE tier WHEN 'EMP' THEN 0 WHEN 'ESP' THEN 1 WHEN 'ECH' THEN 2 ELSE 3 END`, ...subscriberKeys],
  subscribers_by_effective_date: ['effective_date', ...subscriberKeys],
  subscribers_by_termination_date: [`coalesce(termination_date, '9999-12-31')`, ...subscriberKeys],
};

export const familySortIndexes: Migration = {
  version: 4,
  name: '0004_family_sort_indexes',
  up: (db) => {
    // Names and expressions are the constants above.
    for (const [name, keys] of Object.entries(sortIndexes)) {
      db.exec(`CREATE INDEX ${name} ON members (group_number, ${keys.join(', ')}) WHERE relationship = 'subscriber'`);
    }
  },
};
