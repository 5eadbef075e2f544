import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import type { TransactionStatus } from '@shared/contract/schemas/transaction';
import type { SubmitResult } from '@shared/contract/methods/transactions';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';
import { useCoreEvent } from '../../api/ApiProvider';
import { useQuery } from '../../api/use-query';
import './wizard.css';

const statusLines: Record<TransactionStatus, string> = {
  draft: 'Saved as a draft.',
  queued: 'Waiting to send: GroupDesk sends it to the plan as soon as it is online.',
  sent: 'Sent: waiting for the plan’s answer.',
  accepted: 'Accepted by the plan.',
  rejected: 'Rejected by the plan. Open it in Activity to see why, correct it and send it again.',
  cancelled: 'Cancelled before it was sent.',
  corrected: 'Replaced by a corrected transaction.',
};

/** The employee among a family's IDs: dependents' IDs end in `-NN`, provisional (`NEW-7-01`) or the plan's. */
const employeeOf = (memberIds: readonly string[]): string | null => memberIds.find((id) => !/-\d{2}$/.test(id)) ?? null;

/**
 * After a submission: where the transaction is (updated live from `activity.changed`), a link to it
 * in Activity, and the next thing the user is likely to do.
 */
export function WizardDone({
  groupNumber,
  result,
  title,
  children,
  anotherLabel,
  onAnother,
  newEmployee,
}: {
  groupNumber: string;
  result: SubmitResult;
  /** "Enrollment submitted". */
  title: string;
  /** What was submitted, in a sentence or two. */
  children?: ReactNode;
  anotherLabel?: string;
  onAnother?: () => void;
  /** An enrollment: the new employee's member ID and a link to them, provisional until the plan numbers them. */
  newEmployee?: { name: string };
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const item = useQuery('transactions.get', { groupNumber, id: result.id });
  useCoreEvent((event) => {
    if (event.type === 'activity.changed' && event.groupNumber === groupNumber) item.reload();
  });
  useEffect(() => headingRef.current?.focus(), []);

  const status = item.data?.status ?? result.status;
  const confirmation = item.data?.confirmationNumber ?? null;
  // The transaction names the plan's IDs once accepted: the link follows the member to their real record.
  const employeeId = newEmployee ? employeeOf(item.data?.memberIds ?? result.memberIds) : null;
  return (
    <div className="page wz">
      <div className="card wz-done">
        <h1 className="page-title" tabIndex={-1} ref={headingRef}>
          {title}
        </h1>
        {children}
        {employeeId && (
          <p className="wz-done-member">
            Member ID <span className="mono">{employeeId}</span>
            {isProvisionalMemberId(employeeId) && <span className="muted"> (provisional: the plan gives the real ID when it accepts the enrollment)</span>}
          </p>
        )}
        <p className={`wz-done-status is-${status}`} role="status" data-tour="wizard-done">
          {statusLines[status]}
          {confirmation && (
            <>
              {' '}
              Confirmation number <span className="mono">{confirmation}</span>.
            </>
          )}
          {status === 'rejected' && item.data?.error && <span className="wz-done-reason">{item.data.error.message}</span>}
        </p>
        <div className="wz-actions-main">
          {employeeId && newEmployee && (
            <Link to="/members/$memberId" params={{ memberId: employeeId }} className="button">
              Open {newEmployee.name}
            </Link>
          )}
          <Link to="/activity" search={{ id: result.id }} className="button">
            See it in Activity
          </Link>
          {onAnother && anotherLabel && (
            <button type="button" className="button button-primary" onClick={onAnother}>
              {anotherLabel}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
