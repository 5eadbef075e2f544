import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import type { TransactionStatus } from '@shared/contract/schemas/transaction';
import type { SubmitResult } from '@shared/contract/methods/transactions';
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
}: {
  groupNumber: string;
  result: SubmitResult;
  /** "Enrollment submitted". */
  title: string;
  /** What was submitted, in a sentence or two. */
  children?: ReactNode;
  anotherLabel?: string;
  onAnother?: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const item = useQuery('transactions.get', { groupNumber, id: result.id });
  useCoreEvent((event) => {
    if (event.type === 'activity.changed' && event.groupNumber === groupNumber) item.reload();
  });
  useEffect(() => headingRef.current?.focus(), []);

  const status = item.data?.status ?? result.status;
  const confirmation = item.data?.confirmationNumber ?? null;
  return (
    <div className="page wz">
      <div className="card wz-done">
        <h1 className="page-title" tabIndex={-1} ref={headingRef}>
          {title}
        </h1>
        {children}
        <p className={`wz-done-status is-${status}`} role="status">
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
