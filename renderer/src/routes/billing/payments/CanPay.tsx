import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { roleLabels } from '@shared/contract/roles';
import { useStatusStore } from '../../../state/status-store';
import { useGroupRole, usePermission } from '../../../state/permissions';
import { EmptyState } from '../../../components/ErrorState';
import { SkeletonBlock } from '../../../components/Skeleton';

/** The Pay wizard, only for a role that pays (billing.write); an address kept from another role says why not. */
export function CanPay({ children }: { children: ReactNode }) {
  const role = useGroupRole();
  const allowed = usePermission('billing.write');
  const sessionKnown = useStatusStore((s) => s.session !== null);
  if (allowed) return <>{children}</>;
  if (role === null && !sessionKnown) return <SkeletonBlock label="Checking your role…" lines={4} />;
  return (
    <div className="page">
      <EmptyState title={role ? `Your role (${roleLabels[role]}) cannot pay invoices.` : 'You have no role in this group that can pay invoices.'}>
        <p>You can see the invoices and payments. A billing user or the group’s primary administrator pays them.</p>
        <Link to="/billing/payments" className="button">
          See payments
        </Link>
      </EmptyState>
    </div>
  );
}
