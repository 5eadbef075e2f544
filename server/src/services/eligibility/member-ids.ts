/**
 * Plan-assigned member IDs: a subscriber gets the next 9-digit number of the plan (the sequence
 * `subscriber_number_seq`, drawn where enroll.ts reads the group's rules), a dependent its
 * subscriber's number and a two-digit suffix (`123456789-01`) that is never reused within the
 * family, so an old ID card or 834 line can never name someone else.
 */
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
