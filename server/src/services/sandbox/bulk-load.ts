import { sql } from 'drizzle-orm';
import type { Address, CoverageTier } from '@shared/contract/schemas/group';
import { sameAddress } from '@shared/domain/household-move';
import type { MemberRecord } from '@shared/sandbox/types';
import type { Db } from '../../store/db';
import { coveragePeriods, members } from '../../store/schema';
import { appendChanges, type ChangeToRecord } from '../changes/append';
import { coverageSnapshot, memberSnapshot, type MemberRow } from '../eligibility/snapshots';
import type { SsnCipher } from '../eligibility/ssn-crypto';

const livesAt = (address: Address, home: Address | undefined) => home !== undefined && sameAddress(address, home);

/** Rows per INSERT: ~20 parameters a member keeps a statement well under PostgreSQL's 65,535. */
const BATCH = 1000;

/**
 * Loads members (each subscriber followed by its dependents, as shared/sandbox generates them) into
 * a group inside the caller's transaction: multi-row inserts of members and their coverage history,
 * and a change-feed entry for each, so a desktop syncing the group sees them like any other change.
 * Returns how many members were loaded. The subscriber-number sequence is moved past every loaded
 * number so the plan never hands out one of them again.
 */
export async function bulkLoadMembers(tx: Db, cipher: SsnCipher, groupNumber: string, records: Iterable<MemberRecord>, at: Date): Promise<number> {
  let batch: MemberRecord[] = [];
  let loaded = 0;
  let highest = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    // Families arrive whole and subscriber first, so each dependent's subscriber is already known.
    const homes = new Map(batch.filter((r) => r.relationship === 'subscriber').map((r) => [r.memberId, r.address]));
    const rows: MemberRow[] = batch.map((r) => ({
      memberId: r.memberId,
      groupNumber,
      subscriberId: r.subscriberId,
      relationship: r.relationship,
      firstName: r.firstName,
      middleName: r.middleName,
      lastName: r.lastName,
      suffix: r.suffix,
      dateOfBirth: r.dateOfBirth,
      gender: r.gender,
      ssnEncrypted: r.ssn === null ? null : cipher.encrypt(r.ssn, r.memberId),
      ssnLast4: r.ssn === null ? null : r.ssn.slice(-4),
      ssnFingerprint: r.ssn === null ? null : cipher.fingerprint(r.ssn),
      address: r.address,
      phone: r.phone,
      email: r.email,
      hireDate: r.hireDate,
      employmentStatus: r.employmentStatus,
      // The sandbox data set names no classes: its members are enrolled as if before the question existed.
      employeeClass: null,
      disabled: false,
      // The data set copies the subscriber's address onto those who live with them: that is the link.
      sameAddressAsSubscriber: r.relationship !== 'subscriber' && livesAt(r.address, homes.get(r.subscriberId)),
      version: 1,
      updatedAt: at,
    }));
    await tx.insert(members).values(rows);
    const periods = await tx
      .insert(coveragePeriods)
      .values(
        batch.flatMap((r) =>
          r.coverage.map((c, i) => ({
            memberId: r.memberId,
            groupNumber,
            planCode: c.planCode,
            tier: c.tier satisfies CoverageTier,
            startDate: c.startDate,
            endDate: c.endDate,
            reason: c.reason,
            // The next period's reason is why this one ended (plan change, tier change).
            endReason: c.endDate === null ? null : (r.coverage[i + 1]?.reason ?? c.reason),
            createdAt: at,
          })),
        ),
      )
      .returning();
    const changes: ChangeToRecord[] = [
      ...rows.map((m) => ({ entity: 'member' as const, entityId: m.memberId, op: 'upsert' as const, payload: memberSnapshot(m) })),
      ...periods.map((c) => ({ entity: 'coverage' as const, entityId: String(c.id), op: 'upsert' as const, payload: coverageSnapshot(c) })),
    ];
    await appendChanges(tx, groupNumber, at.toISOString(), changes);
    for (const r of batch) if (r.relationship === 'subscriber') highest = Math.max(highest, Number(r.subscriberId));
    loaded += batch.length;
    batch = [];
  };
  for (const record of records) {
    // A family never straddles two batches, so its subscriber row is always inserted with it.
    if (batch.length >= BATCH && record.relationship === 'subscriber') await flush();
    batch.push(record);
  }
  await flush();
  if (highest > 0) await tx.execute(sql`SELECT setval('subscriber_number_seq', greatest((SELECT last_value FROM subscriber_number_seq), ${highest}::bigint))`);
  // Fresh statistics after a bulk load, so the planner reads feed pages in index order instead of
  // sorting (PGlite runs no autovacuum to do it later).
  await tx.execute(sql`ANALYZE members, coverage_periods, changes`);
  return loaded;
}
