import type { Migration } from './migration';

/**
 * What a temporary ID card prints beside the member: each plan's deductibles and out-of-pocket
 * maximums, kept as the plan sends them (JSON, like a group's address and policy), and the plan's
 * member services phone, kept with the group it comes with. Both stay NULL for a plan or group the
 * plan service has not sent them for (one that predates them); the card then refers the member to
 * their plan documents. Existing groups get them at the next account sync.
 *
 * Version 15 is the number this step was allotted: the steps numbered between belong to other
 * branches, and their order is settled when those merge.
 */
export const planCostSharing: Migration = {
  version: 15,
  name: '0015_plan_cost_sharing',
  up: (db) => {
    db.exec(`
      ALTER TABLE plans ADD COLUMN cost_sharing TEXT CHECK (cost_sharing IS NULL OR json_valid(cost_sharing));
      ALTER TABLE groups ADD COLUMN member_services_phone TEXT;
    `);
  },
};
