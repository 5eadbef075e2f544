import { Tabs } from 'radix-ui';
import { useNavigate } from '@tanstack/react-router';
import { transactionStatuses } from '@shared/contract/schemas/transaction';
import { useQuery } from '../../api/use-query';
import { useCoreEvent } from '../../api/ApiProvider';
import { useGroupStore } from '../../state/group-store';
import { usePermission } from '../../state/permissions';
import { useActivityView } from '../../state/activity-view-store';
import type { ActivityTab } from '../../state/activity-view-store';
import { EmptyState, ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { formatCount } from '../../components/format';
import { transactionStatusLabels } from './labels';
import { ActivityTable } from './ActivityTable';
import { TransactionDetail } from './TransactionDetail';
import { UnfinishedDrafts } from './UnfinishedDrafts';
import { activityOffline } from '@shared/help/tutorials/activity-offline';
import { StartTourButton } from '../../help/StartTourButton';

export const activityPageSize = 50;
const tabs: ActivityTab[] = ['all', ...transactionStatuses];
/** Drafts are forms not yet submitted: their tab lists them (drafts.list), not outbox rows. */
const tabLabel = (tab: ActivityTab) => (tab === 'all' ? 'All' : tab === 'draft' ? 'Unfinished' : transactionStatusLabels[tab]);

/**
 * Every change made to the group's members, where it is (waiting, sent, accepted, rejected…), with
 * the plan's confirmation number; unfinished forms above. Live: the core says when anything moves.
 */
export function ActivityPage({ selectedId }: { selectedId?: number | undefined }) {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const { tab, setTab, setPage } = useActivityView();
  const page = useActivityView((s) => (s.pageGroup === groupNumber ? s.page : 0));
  const navigate = useNavigate();
  // Cancel, withdraw, correct and resume change members: a role that cannot is offered none of them.
  const canWrite = usePermission('members.write');
  const list = useQuery('transactions.list', {
    groupNumber,
    ...(tab === 'all' ? {} : { status: [tab] }),
    offset: page * activityPageSize,
    limit: activityPageSize,
  });
  const drafts = useQuery('drafts.list', { groupNumber });
  const reloadList = list.reload;
  const reloadDrafts = drafts.reload;
  useCoreEvent((event) => {
    if (event.type !== 'activity.changed' || event.groupNumber !== groupNumber) return;
    reloadList();
    reloadDrafts();
  });

  const counts = list.data?.countsByStatus;
  // "All" is every submitted change; unfinished forms are counted on their own tab.
  const count = (t: ActivityTab) => (t === 'all' ? transactionStatuses.reduce((sum, s) => sum + (s === 'draft' ? 0 : (counts?.[s] ?? 0)), 0) : (counts?.[t] ?? 0));
  const draftsPanel =
    drafts.status === 'error' && !drafts.data ? (
      <p className="form-error" role="alert">
        Unfinished forms could not be loaded: {drafts.error.message}
      </p>
    ) : drafts.data && drafts.data.length > 0 ? (
      <UnfinishedDrafts groupNumber={groupNumber} drafts={drafts.data} canWrite={canWrite} onChanged={reloadDrafts} />
    ) : null;

  return (
    <div className="page page-activity">
      <div className="page-header">
        <h1 className="page-title">Activity</h1>
        <p className="page-meta">Every change sent to the plan for this group, newest first.</p>
      </div>

      {tab !== 'draft' && draftsPanel}

      <Tabs.Root value={tab} onValueChange={(value) => setTab(value as ActivityTab)} className="activity-tabs" data-tour="activity-tabs">
        <Tabs.List aria-label="Show changes" className="tabs">
          {tabs.map((t) => (
            <Tabs.Trigger key={t} value={t} className="tab">
              {tabLabel(t)}
              {counts && (
                <>
                  <span className="tab-count" aria-hidden="true">
                    {formatCount(count(t))}
                  </span>
                  {/* Read as "Rejected, 1": the name is the visible text plus the count (WCAG 2.5.3). */}
                  <span className="visually-hidden">, {formatCount(count(t))}</span>
                </>
              )}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Content key={t} value={t} className="tab-panel">
            {t === 'draft' ? (
              (draftsPanel ?? <NoDrafts loaded={drafts.data !== null} />)
            ) : list.status === 'error' && !list.data ? (
              <ErrorState title="Activity could not be loaded" error={list.error} onRetry={reloadList} />
            ) : !list.data ? (
              <SkeletonBlock label="Loading activity…" lines={6} />
            ) : list.data.items.length === 0 ? (
              <EmptyState title={t === 'all' ? 'No changes yet' : `Nothing ${tabLabel(t).toLowerCase()}`}>
                <p>{t === 'all' ? 'Enrollments, terminations and other changes you make appear here, with the plan’s answer.' : 'Changes with this status appear here.'}</p>
                {t === 'all' && <StartTourButton tutorial={activityOffline} label="Take the tour: how changes reach the plan" className="button" />}
              </EmptyState>
            ) : (
              <>
                <ActivityTable caption={`${tabLabel(t)} changes`} items={list.data.items} selectedId={selectedId} busy={list.status === 'loading'} />
                <Pager page={page} total={list.data.total} onPage={(p) => setPage(p, groupNumber)} />
              </>
            )}
          </Tabs.Content>
        ))}
      </Tabs.Root>

      <TransactionDetail
        groupNumber={groupNumber}
        id={selectedId}
        canWrite={canWrite}
        onClose={() => void navigate({ to: '/activity', search: {} })}
        onShowTab={(status) => {
          setTab(status);
          void navigate({ to: '/activity', search: {} });
        }}
      />
    </div>
  );
}

function NoDrafts({ loaded }: { loaded: boolean }) {
  return loaded ? (
    <EmptyState title="No unfinished forms">
      <p>A form you start and leave before sending is saved here, to finish later.</p>
    </EmptyState>
  ) : (
    <SkeletonBlock label="Loading unfinished forms…" lines={3} />
  );
}

function Pager({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  if (total <= activityPageSize) return null;
  const from = page * activityPageSize + 1;
  const to = Math.min(total, (page + 1) * activityPageSize);
  return (
    <nav className="pager" aria-label="Pages of activity">
      <button type="button" className="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Newer
      </button>
      <span className="muted tabular">
        {formatCount(from)}–{formatCount(to)} of {formatCount(total)}
      </span>
      <button type="button" className="button" disabled={to >= total} onClick={() => onPage(page + 1)}>
        Older
      </button>
    </nav>
  );
}
