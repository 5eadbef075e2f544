import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { roleLabels, type Role } from '@shared/contract/roles';
import { useStatusStore } from '../../state/status-store';
import { useGroupRole, usePermission } from '../../state/permissions';
import { EmptyState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';

/**
 * The member screens, only for a role that may read members. A billing user is offered no way in,
 * but an address typed or kept from another role still lands somewhere that says why.
 */
export function CanReadMembers({ children }: { children: ReactNode }) {
  const role = useGroupRole();
  const allowed = usePermission('members.read');
  const sessionKnown = useStatusStore((s) => s.session !== null);
  if (allowed) return <>{children}</>;
  if (role === null && !sessionKnown) return <SkeletonBlock label="Checking your role…" lines={4} />;
  return <NoMemberAccess role={role} />;
}

/** Billing users see invoices, which name the members they bill, but never the roster or a member's details. */
export function NoMemberAccess({ role }: { role: Role | null }) {
  return (
    <div className="page">
      <EmptyState title={role ? `Your role (${roleLabels[role]}) does not include the group’s members.` : 'You have no role in this group that can see members.'}>
        <p>Billing users see the group’s invoices and balance. Members’ details stay with the group’s administrators; ask its primary administrator if you need them.</p>
        <Link to="/" className="button">
          Go to Dashboard
        </Link>
      </EmptyState>
    </div>
  );
}
