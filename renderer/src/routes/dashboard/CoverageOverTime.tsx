import { useId } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '../../api/use-query';
import { useCoreEvent } from '../../api/ApiProvider';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { CoverageTrendChart } from './CoverageTrendChart';
import { CoverageTrendTable } from './CoverageTrendTable';
import { CoveredOnCounts } from './CoveredOnCounts';
import './coverage-over-time.css';

const trendMonths = 12;

/** Membership through time: the counts on a chosen day, and the last twelve months as a chart and a table. */
export function CoverageOverTime({ groupNumber, today }: { groupNumber: string; today: string }) {
  const titleId = useId();
  const trend = useQuery('roster.trend', { groupNumber, through: today, months: trendMonths });
  useCoreEvent((event) => {
    if (event.type === 'roster.changed' && event.groupNumber === groupNumber) trend.reload();
  });
  const points = trend.data;
  return (
    <div className="dashboard-grid coverage-over-time">
      <section className="card" aria-labelledby={titleId}>
        <div className="card-heading">
          <h2 id={titleId} className="card-title">
            Members covered, last {trendMonths} months
          </h2>
          <Link to="/members/changes" className="link-button">
            See who joined and left
          </Link>
        </div>
        {trend.status === 'error' && !points ? (
          <ErrorState title="The trend could not be loaded" error={trend.error} onRetry={trend.reload} />
        ) : !points ? (
          <SkeletonBlock label="Loading the trend…" lines={6} />
        ) : (
          <div className="trend">
            <CoverageTrendChart points={points} />
            <CoverageTrendTable points={points} titleId={titleId} />
          </div>
        )}
      </section>
      <CoveredOnCounts groupNumber={groupNumber} today={today} />
    </div>
  );
}
