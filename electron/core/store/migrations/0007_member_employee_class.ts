import type { Migration } from './migration';

/**
 * The subscriber's eligibility class as the plan contract names it (Salaried, Hourly, Union Local 12):
 * the enrollment wizard asks it and the plan's member snapshots carry it. Null for dependents and for
 * members synced before the plan knew it. A plain added column: no rebuild, no index (nothing sorts
 * or filters by it).
 */
export const memberEmployeeClass: Migration = {
  version: 7,
  name: '0007_member_employee_class',
  up: (db) => db.exec(`ALTER TABLE members ADD COLUMN employee_class TEXT`),
};
