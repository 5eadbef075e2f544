import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { ContractFailure } from '../../../../shared/contract/errors';
import type { Db } from '../../store/db';
import { members } from '../../store/schema';
import type { SsnCipher } from './ssn-crypto';

/**
 * Refuses a second subscriber record for the same person in a group: an employee is enrolled once
 * and re-covered by reinstatement. Ciphertexts differ per value (random IV), so candidates are found
 * by their stored last four digits and decrypted to compare.
 */
export async function assertSubscriberSsnUnused(tx: Db, cipher: SsnCipher, groupNumber: string, ssn: string, exceptMemberId?: string): Promise<void> {
  // Two enrollments of one person sent at once must not both pass the check: the second waits here
  // until the first commits, and its next statement (a new snapshot) then sees the first's row.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`ssn:${groupNumber}:${ssn.slice(-4)}`}, 0))`);
  const candidates = await tx
    .select({ memberId: members.memberId, ssnEncrypted: members.ssnEncrypted })
    .from(members)
    .where(and(eq(members.groupNumber, groupNumber), eq(members.ssnLast4, ssn.slice(-4)), eq(members.relationship, 'subscriber'), isNotNull(members.ssnEncrypted)));
  for (const c of candidates) {
    if (c.memberId === exceptMemberId || !c.ssnEncrypted) continue;
    if (cipher.decrypt(c.ssnEncrypted) === ssn) {
      throw new ContractFailure(
        'RULE',
        `This SSN already belongs to subscriber ${c.memberId} in this group: reinstate or update that member instead of enrolling again.`,
        { 'subscriber.ssn': 'Already enrolled' },
      );
    }
  }
}
