import { eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { accessRequests, groups, users } from '../../store/schema';
import type { Mailer } from '../../mail/mailer';
import { accessReadyMail, accessRejectedMail } from '../../mail/templates';
import { announceToUser } from '../accounts/announce';
import { recordAudit } from '../audit';
import { grantRole } from '../groups/grant-role';

export interface DecisionOutcome {
  userId: string;
  groupNumber: string;
  /** Why the e-mail to the requester failed, if it did; the decision stands either way. */
  mailError: string | null;
}

/** The decision is committed before the e-mail goes out; a mail failure is reported, not thrown. */
async function tell(mailer: Mailer, mail: Parameters<Mailer['send']>[0]): Promise<string | null> {
  try {
    await mailer.send(mail);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

interface Decision {
  confirmationNumber: string;
  operator: string;
  now: Date;
}

async function pendingRequest(tx: Db, confirmationNumber: string) {
  const [row] = await tx.select().from(accessRequests).where(eq(accessRequests.confirmationNumber, confirmationNumber)).for('update').limit(1);
  if (!row) throw new ContractFailure('NOT_FOUND', `There is no access request ${confirmationNumber}.`);
  if (row.status !== 'pending') throw new ContractFailure('CONFLICT', `Request ${confirmationNumber} was already ${row.status}.`);
  const [user] = await tx.select().from(users).where(eq(users.userId, row.userId)).limit(1);
  if (!user) throw new Error(`The user of request ${confirmationNumber} is missing`);
  return { row, user };
}

/**
 * Approves the request: the requester becomes the group's primary administrator, and an e-mail
 * says the access is ready (sent after the commit, so it never announces access that was rolled back).
 */
export async function approveAccessRequest(db: Db, mailer: Mailer, decision: Decision): Promise<DecisionOutcome> {
  const { row, user } = await db.transaction(async (tx) => {
    const found = await pendingRequest(tx, decision.confirmationNumber);
    const [group] = await tx.select({ groupNumber: groups.groupNumber }).from(groups).where(eq(groups.groupNumber, found.row.groupNumber)).limit(1);
    if (!group) {
      throw new ContractFailure('RULE', `Group ${found.row.groupNumber} does not exist. Create it first (ops create-group) or reject the request.`);
    }
    const actor = { actorUserId: decision.operator, sessionId: null, ip: null };
    await tx.update(accessRequests).set({ status: 'approved', decidedAt: decision.now, decidedBy: decision.operator }).where(eq(accessRequests.confirmationNumber, decision.confirmationNumber));
    await recordAudit(tx, { ...actor, action: 'access_request.approve', target: `access_request:${decision.confirmationNumber}`, detail: { userId: found.row.userId, groupNumber: found.row.groupNumber }, at: decision.now });
    await announceToUser(tx, found.row.userId, 'access_request');
    // Last: it appends to the group's change feed, which must end the transaction.
    await grantRole(tx, { userId: found.row.userId, groupNumber: found.row.groupNumber, role: 'primary_admin' }, actor, decision.now);
    return found;
  });
  const mailError = await tell(mailer, accessReadyMail({ to: user.email, name: user.name, groupNumber: row.groupNumber, companyName: row.companyName, confirmationNumber: row.confirmationNumber }));
  return { userId: row.userId, groupNumber: row.groupNumber, mailError };
}

/** Rejects the request with a reason the requester is told by e-mail. */
export async function rejectAccessRequest(db: Db, mailer: Mailer, decision: Decision & { reason: string }): Promise<DecisionOutcome> {
  const reason = decision.reason.trim();
  if (!reason) throw new ContractFailure('VALIDATION', 'Give the reason for rejecting the request; the requester reads it.', { reason: 'Required' });
  const { row, user } = await db.transaction(async (tx) => {
    const found = await pendingRequest(tx, decision.confirmationNumber);
    await tx
      .update(accessRequests)
      .set({ status: 'rejected', decidedAt: decision.now, decidedBy: decision.operator, decisionReason: reason })
      .where(eq(accessRequests.confirmationNumber, decision.confirmationNumber));
    await recordAudit(tx, { actorUserId: decision.operator, sessionId: null, action: 'access_request.reject', target: `access_request:${decision.confirmationNumber}`, detail: { reason }, ip: null, at: decision.now });
    await announceToUser(tx, found.row.userId, 'access_request');
    return found;
  });
  const mailError = await tell(mailer, accessRejectedMail({ to: user.email, name: user.name, groupNumber: row.groupNumber, confirmationNumber: row.confirmationNumber, reason }));
  return { userId: row.userId, groupNumber: row.groupNumber, mailError };
}
