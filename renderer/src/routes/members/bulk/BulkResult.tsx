import type { RefObject } from 'react';
import { Link } from '@tanstack/react-router';
import type { BulkAction, BulkOutcome } from '@shared/contract/schemas/transaction';
import { formatCount, plural } from '../../../components/format';
import { OutcomeTable, outcomeCounts } from './BulkReview';

interface Props {
  headingRef: RefObject<HTMLHeadingElement | null>;
  action: BulkAction;
  items: BulkOutcome[];
  queued: number[];
  onClose: () => void;
}

/** After queuing: what went into the outbox and where to follow it. */
export function BulkResult({ headingRef, action, items, queued, onClose }: Props) {
  const counts = outcomeCounts(items);
  const left = counts.skipped + counts.problem;
  const heading =
    action.kind === 'terminate'
      ? plural(counts.ok, 'termination waiting to send', 'terminations waiting to send')
      : action.kind === 'address'
        ? `${plural(counts.ok, 'employee', 'employees')} moving: ${plural(queued.length, 'change', 'changes')} waiting to send`
        : queued.length > 0
        ? `ID-card request for ${plural(counts.ok, 'member', 'members')} waiting to send`
        : 'No ID-card request was made';
  return (
    <section className="bulk-step" aria-labelledby="bulk-done-title">
      <h3 id="bulk-done-title" className="bulk-step-title" ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      <p>
        GroupDesk sends {queued.length === 1 ? 'it' : 'them'} to the plan as soon as it can reach it. The plan&apos;s confirmation number appears in
        Activity, and you are notified when the plan accepts or rejects {queued.length === 1 ? 'it' : 'them'}.
      </p>
      {left > 0 && (
        <>
          <p>{formatCount(left)} of the selected members were left out:</p>
          <OutcomeTable action={action} items={items.filter((i) => i.outcome !== 'ok')} done />
        </>
      )}
      <div className="dialog-actions">
        <Link to="/activity" search={queued.length === 1 ? { id: queued[0] } : {}} className="button" onClick={onClose}>
          Open Activity
        </Link>
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </section>
  );
}
