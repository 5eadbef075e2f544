import { and, eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { members } from '../../store/schema';
import type { SsnCipher } from './ssn-crypto';

/**
 * The refusal names no member: naming one (or confirming whose number it is) would let anyone who
 * may enroll test a guessed SSN against the group's roster. Each refusal is audited instead (see
 * acceptTransaction), so repeated probing shows in the audit log.
 */
const MESSAGE = 'This SSN matches another member of this group: check the number. If it is right, reinstate or update that member instead of enrolling again.';

/** A refused SSN match; the member it matched (null: found by the unique index) is for the audit log only. */
export class SsnMatchRefusal extends ContractFailure {
  constructor(readonly matchedMemberId: string | null) {
    super('RULE', MESSAGE, { 'subscriber.ssn': 'Matches another member' });
  }
}

/**
 * Refuses a second subscriber record for the same person in a group: an employee is enrolled once
 * and covered again by reinstatement. The unique index (migration 0003) settles two requests that
 * pass the lookup at the same moment — see `ssnConflict`.
 */
export async function assertSubscriberSsnUnused(tx: Db, cipher: SsnCipher, groupNumber: string, ssn: string, exceptMemberId?: string): Promise<void> {
  const [found] = await subscriberWithSsn(tx, cipher, groupNumber, ssn);
  if (found && found.memberId !== exceptMemberId) throw ssnTaken(found.memberId);
}

/** The query behind `assertSubscriberSsnUnused`, for a write that runs it inside a larger read (enrollment). */
export function subscriberWithSsn(tx: Db, cipher: SsnCipher, groupNumber: string, ssn: string) {
  return tx
    .select({ memberId: members.memberId })
    .from(members)
    .where(and(eq(members.groupNumber, groupNumber), eq(members.relationship, 'subscriber'), eq(members.ssnFingerprint, cipher.fingerprint(ssn))))
    .limit(1);
}

/** The RULE answer for an SSN that subscriber `memberId` (null: unknown) already has in the group. */
export const ssnTaken = (memberId: string | null) => new SsnMatchRefusal(memberId);

/** The RULE answer for a write that hit the subscriber-SSN unique index, or null for any other error. */
export function ssnConflict(error: unknown): ContractFailure | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const pg = e as Error & { code?: string; constraint?: string };
    if (pg.code === '23505' && (pg.constraint === 'members_subscriber_ssn' || pg.message.includes('members_subscriber_ssn'))) {
      return ssnTaken(null);
    }
  }
  return null;
}
