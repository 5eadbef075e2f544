import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import type { Group } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';
import { useQuery } from '../../api/use-query';
import { useGroupStore } from '../../state/group-store';
import { EmptyState, ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { BackIcon } from '../../components/icons';

interface Props {
  memberId: string;
  title: string;
  /** Why this change cannot be made to this member (already terminated, …), or null when it can. */
  refuse: (member: MemberDetail) => string | null;
  children: (group: Group, member: MemberDetail) => ReactNode;
}

/**
 * Loads what a wizard about one member needs (the group's rules and the member as the user sees it)
 * and stops early, in words, when the change cannot be made: a member enrolled here and not yet
 * accepted has no plan ID to name, and the `refuse` rule covers the rest.
 */
export function MemberWizardGate({ memberId, title, refuse, children }: Props) {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const group = useQuery('groups.get', { groupNumber });
  const member = useQuery('members.get', { groupNumber, memberId });
  const back = (
    <Link to="/members/$memberId" params={{ memberId }} className="back-link">
      <BackIcon />
      Back to the member
    </Link>
  );
  const failed = group.status === 'error' && !group.data ? group : member.status === 'error' && !member.data ? member : null;
  if (failed?.error)
    return (
      <div className="page">
        {back}
        <ErrorState title={failed.error.code === 'NOT_FOUND' ? 'No such member in this group' : 'This member could not be loaded'} error={failed.error} onRetry={failed.reload} />
      </div>
    );
  if (!group.data || !member.data)
    return (
      <div className="page">
        <h1 className="page-title">{title}</h1>
        <SkeletonBlock label="Loading the member…" lines={6} />
      </div>
    );
  const why = isProvisionalMemberId(member.data.memberId)
    ? 'This member was enrolled here and the plan has not accepted the enrollment yet. Changes can be made once the plan gives the member an ID.'
    : refuse(member.data);
  if (why)
    return (
      <div className="page">
        {back}
        <EmptyState title={`${title}: not possible for ${member.data.firstName} ${member.data.lastName}`}>
          <p>{why}</p>
          {/* A terminated member is read-only until reinstated: the way out is one step away. */}
          {member.data.status === 'terminated' && (
            <p>
              <Link to="/members/$memberId/reinstate" params={{ memberId }}>
                Reinstate coverage
              </Link>
            </p>
          )}
        </EmptyState>
      </div>
    );
  return <>{children(group.data, member.data)}</>;
}
