import type { MethodOutput } from '@shared/contract';
import { TableScroll } from '../../components/TableScroll';
import { formatMonth } from '../../components/format';
import { MemberCountCells, MemberCountHeadings } from './member-counts';

export type TrendPoints = MethodOutput<'roster.trend'>;

/** The trend's numbers as a table: what a screen reader reads, and the exact figures behind the lines. */
export function CoverageTrendTable({ points, titleId }: { points: TrendPoints; titleId: string }) {
  return (
    <TableScroll labelledBy={titleId}>
      <table className="table trend-table">
        <caption className="visually-hidden">Members covered on the first of each month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <MemberCountHeadings />
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.month}>
              <th scope="row">{formatMonth(p.month)}</th>
              <MemberCountCells subscribers={p.subscribers} dependents={p.dependents} total={p.subscribers + p.dependents} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
