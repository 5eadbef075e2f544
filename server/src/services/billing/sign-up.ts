import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ContractFailure } from '@shared/contract/errors';
import { roleAllows, roleLabels } from '@shared/contract/roles';
import type { BillPaySignUpResponse, billPaySignUpRequest } from '@shared/plan-api/bill-pay';
import type { Db } from '../../store/db';
import { billPaySignUps, groups, groupUsers, users } from '../../store/schema';
import { announceToUser } from '../accounts/announce';
import { recordAudit } from '../audit';
import { grantRole, roleIn } from '../groups/grant-role';
import type { ThrottledFailure } from '../throttled-failure';
import { latestInvoice } from './invoice-views';
import { lockGroupProofs, recordProofFailure, refuseWhileLocked } from './proof-throttle';
import { currentTerms } from './terms';
import { recordTermsAcceptance, refuseOtherTerms } from './terms-acceptance';

export type BillPaySignUp = z.output<typeof billPaySignUpRequest>;

interface Person {
  email: string;
  name: string;
}

export interface BillPaySignedUp {
  response: BillPaySignUpResponse;
  /** Where the confirmation goes (sent after the commit). */
  user: Person & { userId: string };
  /** The group's primary administrators, told of the new billing user after the commit. */
  primaryAdmins: Person[];
}

type Attempt = { joined: BillPaySignedUp } | { wrongProof: { throttled: ThrottledFailure | null } };

/** One answer for a wrong proof and an unknown group, so group numbers cannot be probed. */
const proofMismatch = () =>
  new ContractFailure('RULE', "The group number and invoice details do not match the group's latest invoice.", {
    groupNumber: 'Check the group number printed on the latest invoice',
  });

/**
 * Bill Pay sign-up: a signed-in (so e-mail-verified) user proves they hold the group's latest
 * invoice — its invoice number, whose random code cannot be guessed, and the amount billed,
 * together — and accepts the current terms, and becomes a billing user of the group. A wrong proof
 * is recorded even though the request fails (that is what the throttle counts, per user and per
 * group number), so the attempt's transaction commits and the refusal is thrown after it.
 */
export async function signUpForBillPay(db: Db, input: BillPaySignUp, actor: { userId: string; sessionId: string; ip: string | null }, now: Date): Promise<BillPaySignedUp> {
  const attempt = await db.transaction(async (tx): Promise<Attempt> => {
    // One sign-up of a user at a time, then of a group number at a time (always in this order, so
    // two sign-ups never wait on each other crosswise): the throttle's counts stay true to commit.
    const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.userId, actor.userId)).for('update');
    if (!user) throw new Error('The signed-in user is missing');
    await lockGroupProofs(tx, input.groupNumber);
    const proofAttempt = { ...actor, groupNumber: input.groupNumber };
    await refuseWhileLocked(tx, proofAttempt, now);
    refuseOtherTerms(input.termsVersion, 'sign up');
    await refuseExistingRole(tx, actor.userId, input.groupNumber);
    const invoice = await latestInvoice(tx, input.groupNumber);
    // The invoice prints both this month's charges and the total due (with any earlier balance); an
    // administrator may copy either, and both are equally unknowable without the invoice in hand.
    const amountPrinted = invoice !== null && (input.amountCents === invoice.amountCents || input.amountCents === invoice.totalDueCents);
    const proven = invoice !== null && input.invoiceNumber === invoice.invoiceNumber && amountPrinted;
    if (!proven) return { wrongProof: { throttled: await recordProofFailure(tx, proofAttempt, now) } };

    const [group] = await tx.select({ name: groups.name }).from(groups).where(eq(groups.groupNumber, input.groupNumber));
    if (!group) throw new Error(`Group ${input.groupNumber} has invoices but no row`);
    const proof = 'invoice_number_and_amount';
    await tx.insert(billPaySignUps).values({ userId: actor.userId, groupNumber: input.groupNumber, termsVersion: currentTerms.version, acceptedAt: now, proof, ip: actor.ip });
    await recordTermsAcceptance(tx, proofAttempt, now);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      sessionId: actor.sessionId,
      action: 'bill_pay.sign_up',
      target: `group:${input.groupNumber}`,
      detail: { termsVersion: currentTerms.version, proof, invoiceNumber: invoice.invoiceNumber },
      ip: actor.ip,
      at: now,
    });
    const primaryAdmins = await primaryAdminsOf(tx, input.groupNumber);
    await announceToUser(tx, actor.userId, 'role');
    // Last: it appends to the group's change feed, which must end the transaction.
    await grantRole(tx, { userId: actor.userId, groupNumber: input.groupNumber, role: 'billing' }, { actorUserId: actor.userId, sessionId: actor.sessionId, ip: actor.ip }, now);
    return {
      joined: {
        response: { groupNumber: input.groupNumber, name: group.name, role: 'billing', termsVersion: currentTerms.version, acceptedAt: now.toISOString() },
        user: { ...user, userId: actor.userId },
        primaryAdmins,
      },
    };
  });
  if ('joined' in attempt) return attempt.joined;
  throw attempt.wrongProof.throttled ?? proofMismatch();
}

/**
 * A user who already holds a role in the group needs no proof: they can see the group, so saying so
 * reveals nothing. One who can pay is told so; any other role is not raised to billing by a sign-up,
 * since that is the primary administrator's decision (and would take away an administrator's role).
 */
async function refuseExistingRole(tx: Db, userId: string, groupNumber: string): Promise<void> {
  const held = await roleIn(tx, userId, groupNumber);
  if (held === null) return;
  if (roleAllows(held, 'billing.write')) throw new ContractFailure('CONFLICT', `You can already pay invoices for group ${groupNumber}.`);
  throw new ContractFailure('CONFLICT', `You are ${roleLabels[held]} of group ${groupNumber}; ask its primary administrator for billing access.`);
}

/** Who is told of a new billing user: they alone can remove one (Users page). */
async function primaryAdminsOf(tx: Db, groupNumber: string): Promise<Person[]> {
  return tx
    .select({ email: users.email, name: users.name })
    .from(groupUsers)
    .innerJoin(users, eq(users.userId, groupUsers.userId))
    .where(and(eq(groupUsers.groupNumber, groupNumber), eq(groupUsers.role, 'primary_admin')))
    .orderBy(users.userId);
}
