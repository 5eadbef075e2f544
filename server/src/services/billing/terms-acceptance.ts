import { and, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Role } from '@shared/contract/roles';
import type { TermsAcceptanceStatus } from '@shared/plan-api/bill-pay';
import type { Db } from '../../store/db';
import { billPayTermsAcceptances } from '../../store/schema';
import { recordAudit } from '../audit';
import { currentTerms } from './terms';

export interface Acceptance {
  userId: string;
  sessionId: string;
  groupNumber: string;
  ip: string | null;
}

/** Nobody is bound by terms they were not shown: an acceptance must name the version in force. */
export function refuseOtherTerms(version: string, action: string): void {
  if (version === currentTerms.version) return;
  throw new ContractFailure('CONFLICT', `The terms of service changed: version ${currentTerms.version} is in force, not ${version}. Read the current terms and accept them to ${action}.`, {
    termsVersion: `The current version is ${currentTerms.version}`,
  });
}

/** Keeps the version in force as the user's accepted one for the group (replacing an older one), with an audit record. */
export async function recordTermsAcceptance(tx: Db, acceptance: Acceptance, now: Date): Promise<void> {
  const { userId, groupNumber, ip } = acceptance;
  await tx
    .insert(billPayTermsAcceptances)
    .values({ userId, groupNumber, termsVersion: currentTerms.version, acceptedAt: now, ip })
    .onConflictDoUpdate({
      target: [billPayTermsAcceptances.userId, billPayTermsAcceptances.groupNumber],
      set: { termsVersion: sql`excluded.terms_version`, acceptedAt: sql`excluded.accepted_at`, ip: sql`excluded.ip` },
    });
  await recordAudit(tx, { actorUserId: userId, sessionId: acceptance.sessionId, action: 'bill_pay.accept_terms', target: `group:${groupNumber}`, detail: { termsVersion: currentTerms.version }, ip, at: now });
}

/**
 * Which terms the user accepted for the group. Only billing users are asked: the terms bind those
 * who use Bill Pay; administrators reached the group through the plan's own access process.
 */
export async function termsAcceptanceOf(db: Db, userId: string, groupNumber: string, role: Role): Promise<TermsAcceptanceStatus> {
  const [row] = await db
    .select({ version: billPayTermsAcceptances.termsVersion, at: billPayTermsAcceptances.acceptedAt })
    .from(billPayTermsAcceptances)
    .where(and(eq(billPayTermsAcceptances.userId, userId), eq(billPayTermsAcceptances.groupNumber, groupNumber)));
  return {
    groupNumber,
    currentVersion: currentTerms.version,
    acceptedVersion: row?.version ?? null,
    acceptedAt: row?.at.toISOString() ?? null,
    needed: role === 'billing' && row?.version !== currentTerms.version,
  };
}

/** A user of the group accepts the terms in force (the version they were shown), e.g. after a new version came out. */
export async function acceptTerms(db: Db, acceptance: Acceptance & { termsVersion: string; role: Role }, now: Date): Promise<TermsAcceptanceStatus> {
  refuseOtherTerms(acceptance.termsVersion, 'go on using Bill Pay');
  await db.transaction((tx) => recordTermsAcceptance(tx, acceptance, now));
  return termsAcceptanceOf(db, acceptance.userId, acceptance.groupNumber, acceptance.role);
}
