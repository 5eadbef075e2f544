// Drizzle view of migrations/0001_accounts.sql, 0006_invitations.sql, 0019_plan_cost_sharing.sql and 0020_two_factor.sql (sessions) (the SQL files are the source of truth; keep them in step).
import { bigint, bigserial, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Address, GroupPolicy } from '@shared/contract/schemas/group';
import type { Role } from '@shared/contract/roles';

/** Instants as JS Dates on both drivers (pg and PGlite hand timestamptz over differently). */
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const cents = (name: string) => bigint(name, { mode: 'number' });

export const users = pgTable('users', {
  userId: text('user_id').primaryKey(),
  passwordHash: text('password_hash').notNull(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  phone: text('phone'),
  emailVerifiedAt: instant('email_verified_at'),
  passwordChangedAt: instant('password_changed_at').notNull(),
  createdAt: instant('created_at').notNull(),
});

export const emailVerifications = pgTable('email_verifications', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: text('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  codeHash: text('code_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
  createdAt: instant('created_at').notNull(),
});

export const sessions = pgTable('sessions', {
  sessionId: text('session_id').primaryKey(),
  userId: text('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: instant('created_at').notNull(),
  lastSeenAt: instant('last_seen_at').notNull(),
  expiresAt: instant('expires_at').notNull(),
  revokedAt: instant('revoked_at'),
  ip: text('ip'),
  // migrations/0020_two_factor.sql: set while the user must still turn on two-step sign-in.
  limitedTo: text('limited_to').$type<'two_factor_enrollment'>(),
});

export const loginAttempts = pgTable('login_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: text('user_id').notNull(),
  ip: text('ip').notNull(),
  succeeded: boolean('succeeded').notNull(),
  at: instant('at').notNull(),
});

export const lockouts = pgTable('lockouts', {
  subject: text('subject').primaryKey(),
  lockedUntil: instant('locked_until').notNull(),
});

export const groups = pgTable('groups', {
  groupNumber: text('group_number').primaryKey(),
  name: text('name').notNull(),
  address: jsonb('address').$type<Address>().notNull(),
  region: text('region').notNull(),
  policy: jsonb('policy').$type<GroupPolicy>().notNull(),
  createdAt: instant('created_at').notNull(),
});

export const plans = pgTable(
  'plans',
  {
    groupNumber: text('group_number').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<'HMO' | 'PPO' | 'EPO' | 'HDHP'>().notNull(),
    rateEmp: cents('rate_emp').notNull(),
    rateEsp: cents('rate_esp').notNull(),
    rateEch: cents('rate_ech').notNull(),
    rateFam: cents('rate_fam').notNull(),
    // migrations/0019_plan_cost_sharing.sql: all eight or none (a plan set up before it has none).
    inNetworkDeductibleIndividual: cents('in_network_deductible_individual'),
    inNetworkDeductibleFamily: cents('in_network_deductible_family'),
    inNetworkOopMaxIndividual: cents('in_network_oop_max_individual'),
    inNetworkOopMaxFamily: cents('in_network_oop_max_family'),
    outOfNetworkDeductibleIndividual: cents('out_of_network_deductible_individual'),
    outOfNetworkDeductibleFamily: cents('out_of_network_deductible_family'),
    outOfNetworkOopMaxIndividual: cents('out_of_network_oop_max_individual'),
    outOfNetworkOopMaxFamily: cents('out_of_network_oop_max_family'),
  },
  (t) => [primaryKey({ columns: [t.groupNumber, t.code] })],
);

export const groupUsers = pgTable(
  'group_users',
  {
    userId: text('user_id').notNull(),
    groupNumber: text('group_number').notNull(),
    role: text('role').$type<Role>().notNull(),
    grantedAt: instant('granted_at').notNull(),
    grantedBy: text('granted_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupNumber] })],
);

export const accessRequests = pgTable('access_requests', {
  confirmationNumber: text('confirmation_number').primaryKey(),
  userId: text('user_id').notNull(),
  companyName: text('company_name').notNull(),
  groupNumber: text('group_number').notNull(),
  officerName: text('officer_name').notNull(),
  officerTitle: text('officer_title').notNull(),
  contactPhone: text('contact_phone').notNull(),
  contactEmail: text('contact_email').notNull(),
  attestedAt: instant('attested_at').notNull(),
  status: text('status').$type<'pending' | 'approved' | 'rejected'>().notNull().default('pending'),
  expectedCompletion: date('expected_completion', { mode: 'string' }).notNull(),
  decidedAt: instant('decided_at'),
  decidedBy: text('decided_by'),
  decisionReason: text('decision_reason'),
  createdAt: instant('created_at').notNull(),
});

export const invitations = pgTable('invitations', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  groupNumber: text('group_number').notNull(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  role: text('role').$type<Exclude<Role, 'primary_admin'>>().notNull(),
  accessCodeHash: text('access_code_hash').notNull(),
  invitedBy: text('invited_by').notNull(),
  sentAt: instant('sent_at').notNull(),
  resendCount: integer('resend_count').notNull().default(0),
  expiresAt: instant('expires_at').notNull(),
  acceptedBy: text('accepted_by'),
  acceptedAt: instant('accepted_at'),
  revokedAt: instant('revoked_at'),
  createdAt: instant('created_at').notNull(),
});

/** migrations/0006_invitations.sql: every access code typed, for the code-entry lockout. */
export const accessCodeAttempts = pgTable('access_code_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: text('user_id').notNull(),
  ip: text('ip').notNull(),
  succeeded: boolean('succeeded').notNull(),
  at: instant('at').notNull(),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** A user ID, or `ops:<name>` for an operator command. */
  actor: text('actor').notNull(),
  sessionId: text('session_id'),
  action: text('action').notNull(),
  target: text('target').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  ip: text('ip'),
  at: instant('at').notNull(),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
