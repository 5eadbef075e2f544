/** Lines by member name as people read them (accents and case aside), then by member ID. */
const collator = new Intl.Collator('en', { sensitivity: 'base' });

export function byMemberName(a: { memberName: string; memberId: string }, b: { memberName: string; memberId: string }): number {
  return collator.compare(a.memberName, b.memberName) || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
}
