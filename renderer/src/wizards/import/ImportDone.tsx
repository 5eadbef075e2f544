import { useEffect, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import type { MethodOutput } from '@shared/contract';
import { formatCount, plural } from '../../components/format';
import { CancelBatchButton } from '../../routes/activity/CancelBatchButton';
import '../common/wizard.css';

interface Props {
  groupNumber: string;
  fileName: string;
  batch: MethodOutput<'roster.importConfirm'>;
}

/** After confirming: what went into the outbox as one batch, where to follow it, and how to take it back while it waits. */
export function ImportDone({ groupNumber, fileName, batch }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const left = batch.skip + batch.refuse;
  return (
    <div className="page wz">
      <div className="card wz-done">
        <h1 className="page-title" tabIndex={-1} ref={headingRef}>
          {plural(batch.queue, 'change', 'changes')} from {fileName} waiting to send
        </h1>
        <p className="wz-done-status is-queued">
          Queued as one batch: GroupDesk sends {batch.queue === 1 ? 'it' : 'them'} to the plan as soon as it can reach it, and Activity shows each one’s answer.
        </p>
        {left > 0 && (
          <p>
            Left out: {formatCount(batch.skip)} skipped (already so in the roster) and {formatCount(batch.refuse)} refused. Correct the refused ones in the file and import it again, or change those members one at a time.
          </p>
        )}
        <div className="wz-actions-main">
          <Link to="/activity" className="button">
            Open Activity
          </Link>
          <Link to="/members" className="button">
            Back to Members
          </Link>
        </div>
        <p>Changed your mind? Changes not yet sent can still be cancelled together.</p>
        <CancelBatchButton groupNumber={groupNumber} batchId={batch.batchId} batchLabel={fileName} buttonLabel="Cancel this batch" />
      </div>
    </div>
  );
}
