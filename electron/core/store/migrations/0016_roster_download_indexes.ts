import type { Migration } from './migration';

/**
 * What a roster download of 250,000 members reads (services/rosters/roster-as-of.ts), answered from
 * indexes alone rather than one table row fetched per member:
 * - its count (for the progress bar and the PDF's page count): the group's members whose coverage
 *   has not ended before the date, a range of members_by_coverage_end. Keyed on the expression, not
 *   the plain column, so the roster pages' status filters (on termination_date) keep their plans;
 * - each member's coverage history: with the plan, tier and end date beside its (member_ref,
 *   start_date) key, coverage_periods_by_member holds every column read. Same name and leading
 *   columns, so every query that used the index still does.
 * docs/roster-downloads.md shows the query plans.
 */
export const rosterDownloadIndexes: Migration = {
  version: 16,
  name: '0016_roster_download_indexes',
  up: (db) => {
    db.exec(`
      CREATE INDEX members_by_coverage_end ON members (group_number, coalesce(termination_date, '9999-12-31'), termination_date);
      DROP INDEX coverage_periods_by_member;
      CREATE INDEX coverage_periods_by_member ON coverage_periods (member_ref, start_date, plan_code, tier, end_date);
    `);
  },
};
