import { statement } from '../statements';
import type { Store } from '../store';
import { applyRemoteMembers, type RemoteMember } from './remote-members';

/**
 * Re-applies the remote rows a pull kept aside while these members had a pending local change
 * (remote_pending). The transactions module calls it, inside its SQLite transaction, after clearing
 * a member's pending flag on cancel or reject; a member still pending keeps waiting. Version-guarded
 * like every remote write: an older remote row never replaces a newer local one.
 */
export function applyDeferredRemote(store: Store, memberIds: readonly string[]): void {
  const groupOf = statement(store.db, 'SELECT group_number FROM remote_pending WHERE member_id = ? LIMIT 1').pluck();
  const byGroup = new Map<string, RemoteMember[]>();
  for (const memberId of new Set(memberIds)) {
    const groupNumber = groupOf.get(memberId) as string | undefined;
    if (groupNumber === undefined) continue;
    const list = byGroup.get(groupNumber) ?? [];
    // Empty: applyRemoteMembers takes the held snapshots in and clears them.
    list.push({ memberId, snapshot: null, committedAt: '', coverage: new Map(), wholeHistory: false });
    byGroup.set(groupNumber, list);
  }
  for (const [groupNumber, members] of byGroup) applyRemoteMembers(store, groupNumber, members);
}
