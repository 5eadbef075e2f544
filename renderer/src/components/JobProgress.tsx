import { useEffect, useId, useRef } from 'react';
import type { JobProgress as Progress } from '../api/use-job';
import { formatCount } from './format';
import './job-progress.css';

interface Props {
  /** What is running, e.g. "Writing the roster". */
  label: string;
  /** What `done` counts, e.g. "members". */
  unit: string;
  progress: Progress;
  /** Says what stops ("Cancel the check"), as a wizard has a Cancel of its own beside it. */
  cancelLabel: string;
  cancelling: boolean;
  focusCancel?: boolean;
  onCancel: () => void;
}

/**
 * A long job's bar and its Cancel button. The bar is indeterminate until the core knows the total; the
 * count beside it is not a live region, as reading every step out would drown everything else.
 * With `focusCancel`, Cancel takes focus as the bar appears, where the button that started the job
 * gave way to it; a wizard leaves focus on its new step's heading instead.
 */
export function JobProgress({ label, unit, progress, cancelLabel, cancelling, focusCancel = false, onCancel }: Props) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusCancel) cancelRef.current?.focus();
  }, [focusCancel]);
  const { done, total } = progress;
  const words = total === null ? `${formatCount(done)} ${unit} so far` : `${formatCount(done)} of ${formatCount(total)} ${unit}`;
  return (
    <div className="job-progress">
      <label htmlFor={id} className="wz-label">
        {label}
      </label>
      <div className="job-progress-row">
        {total === null ? <progress id={id} aria-valuetext={words} /> : <progress id={id} max={Math.max(total, 1)} value={Math.min(done, total)} aria-valuetext={words} />}
        <span className="job-progress-count">{words}</span>
        <button type="button" className="button" ref={cancelRef} onClick={onCancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : cancelLabel}
        </button>
      </div>
    </div>
  );
}
