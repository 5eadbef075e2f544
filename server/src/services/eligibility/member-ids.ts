import { sql } from 'drizzle-orm';
import type { Db } from '../../store/db';

/**
 * Plan-assigned member IDs: a subscriber gets the next 9-digit number of the plan, a dependent its
 * subscriber's number and a two-digit suffix (`123456789-01`) that is never reused within the
 * family, so an old ID card or 834 line can never name someone else.
 */
export async function allocateSubscriberId(tx: Db): Promise<string> {
  const result = await tx.execute<{ n: string | number }>(sql`SELECT nextval('subscriber_number_seq') AS n`);
  const [row] = result.rows;
  if (!row) throw new Error('subscriber_number_seq returned no value');
  return String(row.n);
}

export function dependentId(subscriberId: string, suffix: number): string {
  if (!Number.isInteger(suffix) || suffix < 1 || suffix > 99) throw new RangeError('A family has at most 99 dependent numbers');
  return `${subscriberId}-${String(suffix).padStart(2, '0')}`;
}

/** The next unused suffix after every member ID the family has ever had. */
export function nextDependentSuffix(familyMemberIds: readonly string[]): number {
  let highest = 0;
  for (const id of familyMemberIds) {
    const suffix = id.length === 12 ? Number(id.slice(10)) : 0;
    if (suffix > highest) highest = suffix;
  }
  return highest + 1;
}
