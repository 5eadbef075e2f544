import { useCallback, useState } from 'react';
import type { MemberStatus, Relationship } from '@shared/contract/schemas/member';
import { useApi } from '../../api/ApiProvider';

export interface MemberSummary {
  memberId: string;
  firstName: string;
  lastName: string;
  relationship: Relationship;
  status: MemberStatus;
}

/** A member the list names but the group does not have (a stale link, another group's ID). */
export type Known = MemberSummary | 'missing';

/** At most this many reads at once: a 500-member request names its members quickly without flooding the core. */
const concurrency = 8;

/**
 * Name, relationship and status of member IDs, each read once with `members.get` when `ensure` first
 * sees it; members picked from search results are handed in with `remember`, so they need no read.
 */
export function useMemberSummaries(groupNumber: string) {
  const api = useApi();
  const [known, setKnown] = useState<ReadonlyMap<string, Known>>(new Map());
  const [asked] = useState(() => new Set<string>());

  const ensure = useCallback(
    (memberIds: readonly string[]) => {
      const wanted = memberIds.filter((id) => !asked.has(id));
      for (const id of wanted) asked.add(id);
      let next = 0;
      const worker = async () => {
        while (next < wanted.length) {
          const id = wanted[next++] as string;
          const result = await api.call('members.get', { groupNumber, memberId: id });
          const value: Known = result.ok
            ? { memberId: id, firstName: result.value.firstName, lastName: result.value.lastName, relationship: result.value.relationship, status: result.value.status }
            : 'missing';
          setKnown((prev) => new Map(prev).set(id, value));
        }
      };
      for (let i = 0; i < Math.min(concurrency, wanted.length); i++) void worker();
    },
    [api, groupNumber, asked],
  );

  const remember = useCallback(
    (member: MemberSummary) => {
      asked.add(member.memberId);
      setKnown((prev) => new Map(prev).set(member.memberId, member));
    },
    [asked],
  );

  return { known, ensure, remember };
}
