import type { RefObject } from 'react';
import type { BulkAction, BulkOutcome } from '@shared/contract/schemas/transaction';
import { addressLine } from '@shared/domain/address-lines';
import { terminationReason } from '@shared/domain/termination-reasons';
import { formatCount, formatDate, formatDatesIn } from '../../../components/format';
import { TableScroll } from '../../../components/TableScroll';
import { idCardReasonLabels, shipToLabels } from '@shared/domain/id-card-reasons';

export function outcomeCounts(items: readonly BulkOutcome[]) {
  const count = (outcome: BulkOutcome['outcome']) => items.filter((i) => i.outcome === outcome).length;
  return { ok: count('ok'), skipped: count('skipped'), problem: count('problem') };
}

const outcomeLabels: Record<BulkOutcome['outcome'], string> = { ok: 'Will be sent', skipped: 'Skipped', problem: 'Problem' };
const doneLabels: Record<BulkOutcome['outcome'], string> = { ok: 'Waiting to send', skipped: 'Skipped', problem: 'Not sent' };
// Problems first: they are what the user has to read.
const order: Record<BulkOutcome['outcome'], number> = { problem: 0, skipped: 1, ok: 2 };

export function queueLabel(action: BulkAction, ok: number): string {
  if (action.kind === 'terminate') return `Send ${formatCount(ok)} ${ok === 1 ? 'termination' : 'terminations'}`;
  if (action.kind === 'address') return `Send ${formatCount(ok)} ${ok === 1 ? 'address change' : 'address changes'}`;
  return 'Send request';
}

/** What was chosen, in words: the user confirms these, not form values. */
export function ActionSummary({ action }: { action: BulkAction }) {
  if (action.kind === 'address') {
    return (
      <dl className="bulk-choices">
        <dt>New address</dt>
        <dd>{addressLine(action.address)}</dd>
        <dt>Applies from</dt>
        <dd>{formatDate(action.effectiveDate)}</dd>
        <dt>Dependents at the same address</dt>
        <dd>{action.withDependents ? 'Move with the employee' : 'Keep their address'}</dd>
      </dl>
    );
  }
  return (
    <dl className="bulk-choices">
      <dt>Reason</dt>
      <dd>{action.kind === 'terminate' ? terminationReason(action.reason).label : idCardReasonLabels[action.reason]}</dd>
      {action.kind === 'terminate' ? (
        <>
          <dt>Date of the event</dt>
          <dd>{formatDate(action.requestedDate)}</dd>
        </>
      ) : (
        <>
          <dt>Ship</dt>
          <dd>{shipToLabels[action.shipTo]}</dd>
        </>
      )}
    </dl>
  );
}

/** Each member an address change moves, old address → new, so the user sees exactly what is sent. */
function AddressChanges({ item }: { item: BulkOutcome }) {
  if (!item.changes || item.changes.length === 0) return null;
  return (
    <ul className="bulk-changes">
      {item.changes.map((c) => (
        <li key={c.memberId}>
          {c.name} <span className="mono muted">{c.memberId}</span>: {c.from} <span aria-hidden="true">→</span>{' '}
          <span className="visually-hidden">becomes</span> {c.to}
        </li>
      ))}
    </ul>
  );
}

/** Every member with what happens to it; for terminations, the last covered day the plan's rule gives; for an address, who moves from where. */
export function OutcomeTable({ action, items, done = false }: { action: BulkAction; items: readonly BulkOutcome[]; done?: boolean }) {
  const rows = [...items].sort((a, b) => order[a.outcome] - order[b.outcome]);
  const labels = done ? doneLabels : outcomeLabels;
  return (
    <TableScroll labelledBy="bulk-table-title">
      <table className="table bulk-table">
        <caption id="bulk-table-title" className="visually-hidden">
          Members and what happens to each
        </caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Result</th>
            {action.kind === 'terminate' && <th scope="col">Coverage ends</th>}
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => (
            <tr key={item.memberId} className={`outcome-${item.outcome}`}>
              <th scope="row">
                {item.name} <span className="mono muted">{item.memberId}</span>
              </th>
              <td>
                <span className={`outcome outcome-${item.outcome}`}>{labels[item.outcome]}</span>
              </td>
              {action.kind === 'terminate' && <td className="tabular">{formatDate(item.coverageEnds)}</td>}
              <td className="bulk-message">
                {item.message === null ? '' : formatDatesIn(item.message)}
                {action.kind === 'address' && <AddressChanges item={item} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface Props {
  headingRef: RefObject<HTMLHeadingElement | null>;
  action: BulkAction;
  items: BulkOutcome[];
  busy: boolean;
  onBack: () => void;
  onQueue: () => void;
}

/** The dry run's answer: how many will be queued, skipped or refused and why, before anything is queued. */
export function BulkReview({ headingRef, action, items, busy, onBack, onQueue }: Props) {
  const counts = outcomeCounts(items);
  return (
    <section className="bulk-step" aria-labelledby="bulk-review-title">
      <h3 id="bulk-review-title" className="bulk-step-title" ref={headingRef} tabIndex={-1}>
        Check before sending
      </h3>
      <ActionSummary action={action} />
      <ul className="bulk-counts">
        <li>
          <strong>{formatCount(counts.ok)}</strong> will be sent
        </li>
        <li>
          <strong>{formatCount(counts.skipped)}</strong> skipped (nothing to do)
        </li>
        <li className={counts.problem ? 'has-problems' : undefined}>
          <strong>{formatCount(counts.problem)}</strong> {counts.problem === 1 ? 'problem' : 'problems'}
        </li>
      </ul>
      {counts.problem > 0 && <p className="muted">Members with a problem are left out. Fix them one by one from their page, or go back and change {action.kind === 'address' ? 'the address or date' : 'the reason or date'}.</p>}
      <OutcomeTable action={action} items={items} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button type="button" className="button button-primary" onClick={onQueue} disabled={busy || counts.ok === 0} aria-busy={busy || undefined}>
          {busy ? 'Saving…' : queueLabel(action, counts.ok)}
        </button>
      </div>
    </section>
  );
}
