import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatMonth } from '../../components/format';
import type { TrendPoints } from './CoverageTrendTable';

/**
 * The trend as lines, a picture of the table beside it (which carries the numbers for assistive
 * technology, so the chart is hidden from it). Colours are the app's CSS variables, so the lines
 * follow dark mode; dependents are dashed too, so the two lines differ without colour.
 */
export function CoverageTrendChart({ points }: { points: TrendPoints }) {
  return (
    <div className="trend-chart" aria-hidden="true">
      <LineChart responsive accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} style={{ width: '100%', height: '100%' }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="month" tickFormatter={formatMonth} stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} />
        <YAxis tickFormatter={formatCount} stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} width={56} allowDecimals={false} />
        <Tooltip
          labelFormatter={(month) => formatMonth(String(month))}
          formatter={(value) => formatCount(Number(value))}
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
        />
        <Legend wrapperStyle={{ color: 'var(--text)' }} />
        <Line type="monotone" dataKey="subscribers" name="Employees" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="dependents" name="Dependents" stroke="var(--sync-fg)" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
