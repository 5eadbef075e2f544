import { TableScroll } from '../../components/TableScroll';
import { coverageTierLabels } from '@shared/domain/coverage-tier';
import type { MembershipCounts } from '@shared/contract/methods/dashboard';
import { formatCount } from '../../components/format';
import { MemberCountCells, MemberCountHeadings } from './member-counts';

/** Members by plan: numbers in a real table (readable by screen readers), the bar only a visual aid. */
export function PlanBreakdown({ byPlan, onShowPlan }: { byPlan: MembershipCounts['byPlan']; onShowPlan: (planCode: string) => void }) {
  const max = Math.max(1, ...byPlan.map((p) => p.total));
  return (
    <section className="card" aria-labelledby="by-plan-title">
      <h2 id="by-plan-title" className="card-title">
        Active members by plan
      </h2>
      <TableScroll labelledBy="by-plan-title">
        <table className="table" aria-labelledby="by-plan-title">
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <MemberCountHeadings />
              <th scope="col" className="bar-col">
                <span className="visually-hidden">Share</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {byPlan.map((p) => (
              <tr key={p.planCode}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onShowPlan(p.planCode)} title="Show these members in the roster">
                    {p.planName}
                  </button>
                </th>
                <MemberCountCells subscribers={p.subscribers} dependents={p.dependents} total={p.total} />
                <td className="bar-col" aria-hidden="true">
                  <span className="bar-track">
                    <span className="bar" style={{ width: `${(p.total / max) * 100}%` }} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export function TierBreakdown({ byTier }: { byTier: MembershipCounts['byTier'] }) {
  const max = Math.max(1, ...byTier.map((t) => t.subscribers));
  return (
    <section className="card" aria-labelledby="by-tier-title">
      <h2 id="by-tier-title" className="card-title">
        Active contracts by tier
      </h2>
      <TableScroll labelledBy="by-tier-title">
        <table className="table" aria-labelledby="by-tier-title">
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col" className="num">
                Employees
              </th>
              <th scope="col" className="num">
                Members
              </th>
              <th scope="col" className="bar-col">
                <span className="visually-hidden">Share</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {byTier.map((t) => (
              <tr key={t.tier}>
                <th scope="row">
                  <span className="mono">{t.tier}</span> <span className="muted">{coverageTierLabels[t.tier]}</span>
                </th>
                <td className="num strong">{formatCount(t.subscribers)}</td>
                <td className="num">{formatCount(t.members)}</td>
                <td className="bar-col" aria-hidden="true">
                  <span className="bar-track">
                    <span className="bar bar-alt" style={{ width: `${(t.subscribers / max) * 100}%` }} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
