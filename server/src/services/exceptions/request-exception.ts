import { and, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { ExceptionRequest, exceptionRequestBody } from '@shared/plan-api/exception-requests';
import type { z } from 'zod';
import type { Db } from '../../store/db';
import { exceptionRequests, members } from '../../store/schema';
import { recordAudit } from '../audit';
import { maskSsns } from '../eligibility/work';
import type { Actor } from '../groups/create-group';
import { toExceptionView } from './exception-list';

export type ExceptionFiling = z.output<typeof exceptionRequestBody>;

/**
 * Records a request for an exception under a new reference number, audited. A member of another
 * group is answered as one that does not exist; the summary of the refused change is kept with any
 * SSN masked, whatever the client sent.
 */
export async function requestException(db: Db, groupNumber: string, filing: ExceptionFiling, actor: Actor, now: Date): Promise<ExceptionRequest> {
  const memberId = filing.memberId ?? null;
  return db.transaction(async (tx) => {
    if (memberId !== null) {
      const [member] = await tx
        .select({ memberId: members.memberId })
        .from(members)
        .where(and(eq(members.memberId, memberId), eq(members.groupNumber, groupNumber)));
      if (!member) throw new ContractFailure('NOT_FOUND', `Member ${memberId} is not in group ${groupNumber}.`, { memberId: 'Not found in this group' });
    }
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    const [row] = await tx
      .insert(exceptionRequests)
      .values({
        referenceNumber: sql`'EX-' || ${day} || '-' || lpad(nextval('exception_reference_seq')::text, 7, '0')`,
        groupNumber,
        requestedBy: actor.actorUserId,
        memberId,
        changeKind: filing.changeKind,
        inputSummary: maskSsns(filing.input) as Record<string, unknown>,
        ruleCode: filing.rule.code,
        ruleMessage: filing.rule.message,
        note: filing.note,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('The exception request was not recorded');
    // The note stays out of the audit detail: it is free text that may name anyone.
    await recordAudit(tx, { ...actor, action: 'exception.request', target: `group:${groupNumber}`, detail: { referenceNumber: row.referenceNumber, memberId, ruleCode: row.ruleCode }, at: now });
    return toExceptionView(row);
  });
}
