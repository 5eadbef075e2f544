import { TableScroll } from '../../components/TableScroll';
import type { CoveragePeriod } from '@shared/contract/schemas/member';
import { formatDate } from '../../components/format';

/** Every coverage period, newest first: what an administrator checks when a claim or invoice is questioned. */
export function CoverageHistory({ periods }: { periods: CoveragePeriod[] }) {
  const newestFirst = [...periods].reverse();
  return (
    <section className="card card-wide" aria-labelledby="history-title">
      <h2 id="history-title" className="card-title">
        Coverage history
      </h2>
      {newestFirst.length === 0 ? (
        <p className="muted">No coverage periods are on file.</p>
      ) : (
        <TableScroll labelledBy="history-title">
          <table className="table" aria-labelledby="history-title">
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Tier</th>
                <th scope="col">Start</th>
                <th scope="col">End</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((p) => (
                <tr key={`${p.startDate}-${p.planCode}`}>
                  <td>{p.planName}</td>
                  <td className="mono">{p.tier}</td>
                  <td className="tabular">{formatDate(p.startDate)}</td>
                  <td className="tabular">{p.endDate ? formatDate(p.endDate) : 'Ongoing'}</td>
                  <td>
                    {p.reason}
                    {p.endReason && <span className="history-end-reason">Ended: {p.endReason}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
