import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { ExceptionRequest, ExceptionStatus } from '@shared/plan-api/exception-requests';
import type { Db } from '../../store/db';
import { exceptionRequests } from '../../store/schema';

export const toExceptionView = (row: typeof exceptionRequests.$inferSelect): ExceptionRequest => ({
  referenceNumber: row.referenceNumber,
  groupNumber: row.groupNumber,
  requestedBy: row.requestedBy,
  memberId: row.memberId,
  changeKind: row.changeKind as ExceptionRequest['changeKind'],
  input: row.inputSummary,
  ruleCode: row.ruleCode as ExceptionRequest['ruleCode'],
  ruleMessage: row.ruleMessage,
  note: row.note,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
});

export interface ExceptionFilter {
  /** All groups when absent (operators). */
  groupNumber?: string;
  status?: ExceptionStatus;
}

/** Exception requests newest first. */
export async function listExceptions(db: Db, filter: ExceptionFilter): Promise<ExceptionRequest[]> {
  const conditions: SQL[] = [];
  if (filter.groupNumber !== undefined) conditions.push(eq(exceptionRequests.groupNumber, filter.groupNumber));
  if (filter.status !== undefined) conditions.push(eq(exceptionRequests.status, filter.status));
  const rows = await db
    .select()
    .from(exceptionRequests)
    .where(and(...conditions))
    .orderBy(desc(exceptionRequests.createdAt), desc(exceptionRequests.referenceNumber));
  return rows.map(toExceptionView);
}
