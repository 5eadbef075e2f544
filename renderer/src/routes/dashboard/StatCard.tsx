import { useId } from 'react';
import { formatCount } from '../../components/format';

interface Props {
  label: string;
  value: number;
  hint: string;
  onShow: () => void;
  showLabel: string;
}

/** One headline figure; its group is named by the label so tests and screen readers find "Subscribers" etc. */
export function StatCard({ label, value, hint, onShow, showLabel }: Props) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="stat">
      <div id={labelId} className="stat-label">
        {label}
      </div>
      <div className="stat-value">{formatCount(value)}</div>
      <div className="stat-foot">
        <span className="muted">{hint}</span>
        <button type="button" className="link-button" onClick={onShow} aria-label={showLabel}>
          View
        </button>
      </div>
    </div>
  );
}
