// Drizzle view of migrations/0002_eligibility.sql, 0003_member_ssn_fingerprint.sql, 0009_billing_cycle.sql and 0017_address_link.sql (the SQL file is the source of truth; keep both in step).
import { bigint, bigserial, boolean, customType, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Address } from '@shared/contract/schemas/group';

/** PGlite and node-postgres both hand bytea over as a Uint8Array/Buffer. */
/** Instants as JS Dates, as in accounts.ts, so both drivers agree. */
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const members = pgTable('members', {
  memberId: text('member_id').primaryKey(),
  groupNumber: text('group_number').notNull(),
  subscriberId: text('subscriber_id').notNull(),
  relationship: text('relationship').notNull(),
  firstName: text('first_name').notNull(),
  middleName: text('middle_name'),
  lastName: text('last_name').notNull(),
  suffix: text('suffix'),
  dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
  gender: text('gender').notNull(),
  ssnEncrypted: bytea('ssn_encrypted'),
  ssnLast4: text('ssn_last4'),
  ssnFingerprint: bytea('ssn_fingerprint'),
  address: jsonb('address').$type<Address>().notNull(),
  phone: text('phone'),
  email: text('email'),
  hireDate: date('hire_date', { mode: 'string' }),
  employmentStatus: text('employment_status'),
  employeeClass: text('employee_class'),
  disabled: boolean('disabled').notNull().default(false),
  /** A dependent entered "Same as the employee": moves with the employee until given an address of their own. */
  sameAddressAsSubscriber: boolean('same_address_as_subscriber').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: instant('updated_at').notNull(),
});

export const coveragePeriods = pgTable('coverage_periods', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  memberId: text('member_id').notNull(),
  groupNumber: text('group_number').notNull(),
  planCode: text('plan_code').notNull(),
  tier: text('tier').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  reason: text('reason').notNull(),
  endReason: text('end_reason'),
  createdAt: instant('created_at').notNull(),
  /** The eligibility transaction that wrote the period, and the one that end-dated it. */
  createdBy: text('created_by'),
  endedBy: text('ended_by'),
});

export const eligibilityTransactions = pgTable('eligibility_transactions', {
  confirmationNumber: text('confirmation_number').primaryKey(),
  groupNumber: text('group_number').notNull(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').notNull(),
  status: text('status').notNull().default('accepted'),
  actorUserId: text('actor_user_id').notNull(),
  createdAt: instant('created_at').notNull(),
});

export const idCardRequests = pgTable('id_card_requests', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  confirmationNumber: text('confirmation_number').notNull(),
  groupNumber: text('group_number').notNull(),
  memberId: text('member_id').notNull(),
  reason: text('reason').notNull(),
  shipTo: text('ship_to').notNull(),
  createdAt: instant('created_at').notNull(),
});

export const groupFeeds = pgTable('group_feeds', {
  groupNumber: text('group_number').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
});

export const changes = pgTable(
  'changes',
  {
    groupNumber: text('group_number').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    entityKind: text('entity_kind').notNull(),
    entityId: text('entity_id').notNull(),
    op: text('op').notNull(),
    payload: jsonb('payload'),
    committedAt: instant('committed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupNumber, t.seq] })],
);
