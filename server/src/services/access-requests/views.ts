import { asc, desc, eq } from 'drizzle-orm';
import type { AccessRequest } from '@shared/plan-api/access-requests';
import type { Db } from '../../store/db';
import { accessRequests } from '../../store/schema';

type Row = typeof accessRequests.$inferSelect;

export function toAccessRequest(row: Row): AccessRequest {
  return {
    confirmationNumber: row.confirmationNumber,
    companyName: row.companyName,
    groupNumber: row.groupNumber,
    officerName: row.officerName,
    officerTitle: row.officerTitle,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    status: row.status,
    submittedAt: row.createdAt.toISOString(),
    expectedCompletion: row.expectedCompletion,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
  };
}

/** The user's own requests, newest first. */
export async function requestsOf(db: Db, userId: string): Promise<AccessRequest[]> {
  const rows = await db.select().from(accessRequests).where(eq(accessRequests.userId, userId)).orderBy(desc(accessRequests.createdAt));
  return rows.map(toAccessRequest);
}

/** Every pending request, oldest first: the operator's queue. */
export async function pendingRequests(db: Db): Promise<(AccessRequest & { userId: string })[]> {
  const rows = await db.select().from(accessRequests).where(eq(accessRequests.status, 'pending')).orderBy(asc(accessRequests.createdAt));
  return rows.map((row) => ({ ...toAccessRequest(row), userId: row.userId }));
}
