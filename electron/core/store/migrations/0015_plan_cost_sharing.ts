import type { Migration } from './migration';

/**
 * What a temporary ID card prints beside the member: each plan's deductibles and out-of-pocket
 * maximums, kept as the plan sends them (JSON, like a group's address and policy), and the plan's
 * member services phone, kept with the group it comes with; and who the plan is in an X12 834 (its
 * interchange id, name and tax id), which a roster download as an 834 addresses. All stay NULL for a plan or group the
 * plan service has not sent them for (one that predates them); the card then refers the member to
 * their plan documents. Existing groups get them at the next account sync.
 * */
export const planCostSharing: Migration = {
  version: 15,
  name: '0015_plan_cost_sharing',
  up: (db) => {
    db.exec(`
      ALTER TABLE plans ADD COLUMN cost_sharing TEXT CHECK (cost_sharing IS NULL OR json_valid(cost_sharing));
      ALTER TABLE groups ADD COLUMN member_services_phone TEXT;
      ALTER TABLE groups ADD COLUMN enrollment_partner TEXT CHECK (enrollment_partner IS NULL OR json_valid(enrollment_partner));
    `);
  },
};
