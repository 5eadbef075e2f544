import { handlers } from '../../../dispatch/handler-types';
import { groupAsOf } from '../../groups/replica-time';
import { coverageCounts, coverageTrend } from './coverage-counts';
import { exportRosterDiff } from './diff-export';
import { runJob } from '../run-job';
import { checkRange, diffCounts, diffPage } from './roster-diff';

export const rosterHistoryHandlers = handlers({
  'roster.counts': ({ groupNumber, asOf }, { store }) => {
    groupAsOf(store.db, groupNumber);
    return coverageCounts(store.db, groupNumber, asOf);
  },
  'roster.trend': ({ groupNumber, through, months }, { store }) => {
    groupAsOf(store.db, groupNumber);
    return coverageTrend(store.db, groupNumber, through, months);
  },
  'roster.diff': ({ groupNumber, from, to, change, offset, limit }, { store }) => {
    const range = { groupNumber, from, to };
    checkRange(range);
    const asOf = groupAsOf(store.db, groupNumber);
    const counts = diffCounts(store.db, range);
    const total = change === undefined ? counts.added + counts.terminated + counts.changed : counts[change];
    return { from, to, ...counts, total, rows: diffPage(store.db, range, { change, offset, limit }), asOf };
  },
  'roster.exportDiff': (input, ctx) => runJob(ctx, input.jobId, 'The export was cancelled.', (signal) => exportRosterDiff(ctx, input, signal)),
});
