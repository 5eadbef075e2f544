// Drizzle view of migrations/0018_exception_requests.sql (the SQL file is the source of truth; keep both in step).
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ExceptionStatus } from '@shared/plan-api/exception-requests';

export const exceptionRequests = pgTable('exception_requests', {
  referenceNumber: text('reference_number').primaryKey(),
  groupNumber: text('group_number').notNull(),
  requestedBy: text('requested_by').notNull(),
  memberId: text('member_id'),
  changeKind: text('change_kind').notNull(),
  inputSummary: jsonb('input_summary').$type<Record<string, unknown>>().notNull(),
  ruleCode: text('rule_code').notNull(),
  ruleMessage: text('rule_message').notNull(),
  note: text('note').notNull(),
  status: text('status').$type<ExceptionStatus>().notNull().default('open'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});
