import type { Migration } from './migration';
import { initial } from './0001_initial';
import { memberSearch } from './0002_member_search';
import { memberTallies } from './0003_member_tallies';
import { familySortIndexes } from './0004_family_sort_indexes';
import { outboxLifecycle } from './0005_outbox_lifecycle';
import { syncReplica } from './0006_sync_replica';
import { memberEmployeeClass } from './0007_member_employee_class';
import { accountAccess } from './0008_account_access';
import { dropUnusedTables } from './0009_drop_unused_tables';
import { invoices } from './0010_invoices';
import { payments } from './0011_payments';
import { batches } from './0012_batches';
import { nameCollation } from './0013_name_collation';
import { addressLink } from './0014_address_link';
import { planCostSharing } from './0015_plan_cost_sharing';
import { rosterDownloadIndexes } from './0016_roster_download_indexes';

/** Every schema step in order. Append only: a shipped step never changes (users' files ran it). */
export const migrations: readonly Migration[] = [initial, memberSearch, memberTallies, familySortIndexes, outboxLifecycle, syncReplica, memberEmployeeClass, accountAccess, dropUnusedTables, invoices, payments, batches, nameCollation, addressLink, planCostSharing, rosterDownloadIndexes];

/** The schema version this build of the app writes. */
export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);

export type { Migration } from './migration';
