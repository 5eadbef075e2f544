import type { MethodOutput } from '@shared/contract';
import { TableScroll } from '../../components/TableScroll';
import { formatCount, formatMonth } from '../../components/format';

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
            <th scope="col" className="num">
              Employees
            </th>
            <th scope="col" className="num">
              Dependents
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.month}>
              <th scope="row">{formatMonth(p.month)}</th>
              <td className="num">{formatCount(p.subscribers)}</td>
              <td className="num">{formatCount(p.dependents)}</td>
              <td className="num strong">{formatCount(p.subscribers + p.dependents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
