import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ContractFailure } from '@shared/contract/errors';
import { addBusinessDays } from '@shared/domain/business-days';
import type { AccessRequest, accessRequestInput } from '@shared/plan-api/access-requests';
import type { Db } from '../../store/db';
import { accessRequests } from '../../store/schema';
import { recordAudit } from '../audit';
import { toAccessRequest } from './views';

/** Requests are processed in 3–5 business days, as the requester is told; the promise made is the latest of them. */
export const PROCESSING_BUSINESS_DAYS = 5;

export type AccessRequestSubmission = z.output<typeof accessRequestInput>;

/**
 * Files a request to become the group's primary administrator and gives it a confirmation number
 * `PA-<year>-<6 digits>`. One pending request per user and group: a second one is a CONFLICT that
 * names the first.
 */
export async function submitAccessRequest(
  tx: Db,
  input: AccessRequestSubmission,
  actor: { userId: string; sessionId: string; ip: string | null },
  now: Date,
): Promise<AccessRequest> {
  const [pending] = await tx
    .select({ confirmationNumber: accessRequests.confirmationNumber })
    .from(accessRequests)
    .where(and(eq(accessRequests.userId, actor.userId), eq(accessRequests.groupNumber, input.groupNumber), eq(accessRequests.status, 'pending')))
    .limit(1);
  if (pending) {
    throw new ContractFailure('CONFLICT', `You already have a pending request for group ${input.groupNumber} (${pending.confirmationNumber}).`, { groupNumber: 'Request pending' });
  }
  const seq = await tx.execute<{ n: string | number }>(sql`SELECT nextval('access_request_seq') AS n`);
  const serial = String(seq.rows[0]?.n ?? '').padStart(6, '0');
  const today = now.toISOString().slice(0, 10);
  const [row] = await tx
    .insert(accessRequests)
    .values({
      confirmationNumber: `PA-${today.slice(0, 4)}-${serial}`,
      userId: actor.userId,
      companyName: input.companyName,
      groupNumber: input.groupNumber,
      officerName: input.officerName,
      officerTitle: input.officerTitle,
      contactPhone: input.contactPhone,
      contactEmail: input.contactEmail,
      attestedAt: now,
      expectedCompletion: addBusinessDays(today, PROCESSING_BUSINESS_DAYS),
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('The access request was not stored');
  await recordAudit(tx, {
    actorUserId: actor.userId,
    sessionId: actor.sessionId,
    action: 'access_request.submit',
    target: `access_request:${row.confirmationNumber}`,
    detail: { groupNumber: row.groupNumber, companyName: row.companyName, officerName: row.officerName, officerTitle: row.officerTitle },
    ip: actor.ip,
    at: now,
  });
  return toAccessRequest(row);
}
