import type { Migration } from './migration';

/**
 * "Same as the employee" as a link the replica keeps, as the plan does (its member snapshots carry
 * `sameAddressAsSubscriber`): a linked dependent moves with the employee until given an address of
 * their own. Dependents synced before the link existed whose address is still exactly the employee's
 * are taken as linked, by the same rule the plan applied to its own records, so the two agree. A plain
 * added column: nothing sorts or filters by it.
 */
export const addressLink: Migration = {
  version: 14,
  name: '0014_address_link',
  up: (db) =>
    db.exec(`
      ALTER TABLE members ADD COLUMN same_address_as_subscriber INTEGER NOT NULL DEFAULT 0 CHECK (same_address_as_subscriber IN (0, 1));
      UPDATE members AS d SET same_address_as_subscriber = 1
      WHERE d.relationship <> 'subscriber' AND EXISTS (
        SELECT 1 FROM members AS s
        WHERE s.member_id = d.subscriber_id
          AND s.address ->> '$.line1' = d.address ->> '$.line1'
          AND coalesce(s.address ->> '$.line2', '') = coalesce(d.address ->> '$.line2', '')
          AND s.address ->> '$.city' = d.address ->> '$.city'
          AND s.address ->> '$.state' = d.address ->> '$.state'
          AND s.address ->> '$.zip' = d.address ->> '$.zip'
      );
    `),
};
