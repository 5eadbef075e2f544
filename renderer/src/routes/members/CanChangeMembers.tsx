import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { roleLabels } from '@shared/contract/roles';
import { useStatusStore } from '../../state/status-store';
import { useGroupRole, usePermission } from '../../state/permissions';
import { EmptyState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { NoMemberAccess } from './CanReadMembers';

/**
 * The member wizards, only for a role that may change members. The screens offer no way in
 * otherwise, but an address typed or kept from another role still lands somewhere that says why.
 */
export function CanChangeMembers({ children }: { children: ReactNode }) {
  const role = useGroupRole();
  const allowed = usePermission('members.write');
  const reads = usePermission('members.read');
  const sessionKnown = useStatusStore((s) => s.session !== null);
  if (allowed) return <>{children}</>;
  if (role === null && !sessionKnown) return <SkeletonBlock label="Checking your role…" lines={4} />;
  if (role !== null && !reads) return <NoMemberAccess role={role} />;
  return (
    <div className="page">
      <EmptyState title={role ? `Your role (${roleLabels[role]}) cannot change members.` : 'You have no role in this group that can change members.'}>
        <p>You can view the group’s members. Ask the group’s primary administrator if you need to make changes.</p>
        <Link to="/members" className="button">
          Go to Members
        </Link>
      </EmptyState>
    </div>
  );
}
