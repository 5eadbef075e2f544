import { Link } from '@tanstack/react-router';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';
import { roleLabels } from '@shared/contract/roles';
import { useGroupRole, usePermission } from '../../state/permissions';

/**
 * What can be done to this member, as links to the wizards. A terminated member is read-only (the
 * plan refuses changes until a reinstatement), so reinstating is all it is offered; a member with a
 * termination date already has one on file; a member enrolled here and not yet accepted has no plan
 * ID that a transaction could name. A role that cannot change members is offered none of them.
 */
export function MemberActions({ member }: { member: MemberDetail }) {
  const canWrite = usePermission('members.write');
  const role = useGroupRole();
  if (!canWrite) {
    return role ? <p className="muted member-actions-note">{roleLabels[role]}: you can view this member but not change them.</p> : null;
  }
  if (isProvisionalMemberId(member.memberId)) {
    return <p className="muted member-actions-note">Changes to this member can be made once the plan has accepted the enrollment and given a member ID.</p>;
  }
  const memberId = member.memberId;
  if (member.status === 'terminated') {
    return (
      <>
        <p className="muted member-actions-note">Coverage has ended: a terminated member is kept read-only until coverage is reinstated.</p>
        <nav className="member-actions" aria-label="Member actions">
          <Link to="/members/$memberId/reinstate" params={{ memberId }} className="button" data-tour="member-reinstate">
            Reinstate
          </Link>
        </nav>
      </>
    );
  }
  return (
    <nav className="member-actions" aria-label="Member actions">
      {member.relationship === 'subscriber' && (
        <Link to="/members/$memberId/add-dependent" params={{ memberId }} className="button" data-tour="member-add-dependent">
          Add a dependent
        </Link>
      )}
      <Link to="/members/$memberId/demographics" params={{ memberId }} className="button" data-tour="member-demographics">
        Update demographics
      </Link>
      <Link to="/id-cards" search={{ members: memberId }} className="button" data-tour="member-id-cards">
        Request ID card
      </Link>
      {member.terminationDate === null && (
        <Link to="/members/$memberId/terminate" params={{ memberId }} className="button" data-tour="member-terminate">
          Terminate
        </Link>
      )}
    </nav>
  );
}

/** Said whenever the member has a local change the plan has not yet accepted. */
export function PendingBanner() {
  return (
    <p className="pending-banner" role="note">
      A change to this member is waiting to be sent to the plan or accepted by it. <Link to="/activity">See Activity</Link>
    </p>
  );
}
