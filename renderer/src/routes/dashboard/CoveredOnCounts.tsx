import { useId, useState } from 'react';
import { coverageTierLabels } from '@shared/domain/coverage-tier';
import { isIsoDate } from '@shared/util/dates';
import { useQuery } from '../../api/use-query';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { TableScroll } from '../../components/TableScroll';
import { formatCount, formatDate } from '../../components/format';

/**
 * Who was covered on a day the user picks, rebuilt from the coverage history: the roster's counts
 * on the dashboard say today, this answers "how many were we on March 1?".
 */
export function CoveredOnCounts({ groupNumber, today }: { groupNumber: string; today: string }) {
  const [day, setDay] = useState(today);
  const inputId = useId();
  const titleId = useId();
  const valid = isIsoDate(day);
  const counts = useQuery('roster.counts', valid ? { groupNumber, asOf: day } : null);
  const data = counts.data;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Covered on a date
      </h2>
      <div className="wz-field covered-on-field">
        <label className="wz-label" htmlFor={inputId}>
          Date
        </label>
        <input id={inputId} type="date" className="wz-input wz-input-medium" value={day} required onChange={(event) => setDay(event.target.value)} />
      </div>
      {counts.status === 'error' && !data ? (
        <ErrorState title="Counts could not be loaded" error={counts.error} onRetry={counts.reload} />
      ) : !data ? (
        <SkeletonBlock label="Loading counts…" lines={4} />
      ) : (
        <TableScroll labelledBy={titleId}>
          <table className="table">
            <caption className="visually-hidden">Members covered on {formatDate(data.asOf)}</caption>
            <tbody>
              <tr>
                <th scope="row">Employees</th>
                <td className="num strong">{formatCount(data.subscribers)}</td>
              </tr>
              <tr>
                <th scope="row">Dependents</th>
                <td className="num strong">{formatCount(data.dependents)}</td>
              </tr>
              {data.byTier.map((t) => (
                <tr key={t.tier}>
                  <th scope="row" className="indent">
                    Employees with {coverageTierLabels[t.tier]}
                  </th>
                  <td className="num">{formatCount(t.subscribers)}</td>
                </tr>
              ))}
              {data.byPlan.map((p) => (
                <tr key={p.planCode}>
                  <th scope="row" className="indent">
                    Members on {p.planName}
                  </th>
                  <td className="num">{formatCount(p.members)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
