import { useEffect, useMemo } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '../../api/use-query';
import { useGroupStore } from '../../state/group-store';
import { useRosterView } from '../../state/roster-view-store';
import { useAnnouncer } from '../../state/announcer';
import { useGroupRole, usePermission } from '../../state/permissions';
import { roleLabels } from '@shared/contract/roles';
import { memberStatuses } from '@shared/contract/schemas/member';
import { EmptyState, ErrorState } from '../../components/ErrorState';
import { formatInstant, plural } from '../../components/format';
import { Skeleton } from '../../components/Skeleton';
import { RosterToolbar } from './RosterToolbar';
import { RosterGrid } from './RosterGrid';
import { useRosterPages } from './use-roster-pages';
import type { RosterParams } from './use-roster-pages';
import { useRowSelection } from './use-row-selection';
import { SelectionBar } from './SelectionBar';
import './roster-selection.css';

/** Placeholder rows shown while the first page is on its way, so the table keeps its shape. */
const placeholderRows = 12;
const ignoreScroll = () => undefined;

export function RosterPage() {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const group = useQuery('groups.get', { groupNumber });
  // Field by field, so scrolling (which writes scrollTop) does not re-render the page.
  const query = useRosterView((s) => s.query);
  const filters = useRosterView((s) => s.filters);
  const sort = useRosterView((s) => s.sort);
  const activeIndex = useRosterView((s) => s.activeIndex);
  const toggleSort = useRosterView((s) => s.toggleSort);
  const setActiveIndex = useRosterView((s) => s.setActiveIndex);
  const setScrollTop = useRosterView((s) => s.setScrollTop);
  const setReturnFocus = useRosterView((s) => s.setReturnFocus);
  const setFilters = useRosterView((s) => s.setFilters);
  // Every status, plan and relationship: the list the count outside the filters was taken over.
  const clearFilters = () => setFilters({ statuses: [...memberStatuses], planCodes: [], relationships: [] });
  const navigate = useNavigate();
  const announce = useAnnouncer((s) => s.announce);

  const params = useMemo<RosterParams>(
    () => ({
      groupNumber,
      sort,
      grouping: 'family',
      statuses: filters.statuses,
      ...(query ? { query } : {}),
      ...(filters.planCodes.length ? { planCodes: filters.planCodes } : {}),
      ...(filters.relationships.length ? { relationships: filters.relationships } : {}),
    }),
    [groupNumber, sort, filters, query],
  );
  const roster = useRosterPages(params);
  const selection = useRowSelection(params, roster.total, roster.rowAt);
  // Bulk actions and enrolling change members: a role that cannot is offered neither.
  const canWrite = usePermission('members.write');
  const role = useGroupRole();

  const gridProps = {
    rowAt: roster.rowAt,
    ensureRange: roster.ensureRange,
    sort,
    onSort: toggleSort,
    onOpen: (memberId: string) => {
      setReturnFocus(true);
      void navigate({ to: '/members/$memberId', params: { memberId } });
    },
    activeIndex,
    onActiveIndex: setActiveIndex,
    selection: canWrite ? selection : null,
  };

  // Consumed once: a later visit from the navigation starts without stealing focus.
  useEffect(() => {
    if (roster.total !== null) setReturnFocus(false);
  }, [roster.total, setReturnFocus]);

  const summary = roster.total === null ? null : query ? `${plural(roster.total, 'member matches', 'members match')} “${query}”` : plural(roster.total, 'member', 'members');
  useEffect(() => {
    if (summary) announce(summary);
  }, [summary, announce]);

  return (
    <div className="page page-roster">
      <div className="page-header">
        <h1 className="page-title">Members</h1>
        <p className="page-meta" id="roster-summary">
          {summary ?? <Skeleton width={120} />}
          {roster.asOf && <span className="muted"> · as of {formatInstant(roster.asOf)}</span>}
        </p>
        {role && !canWrite && <p className="role-note">{roleLabels[role]}: you can view members but not change them.</p>}
      </div>
      <RosterToolbar groupNumber={groupNumber} plans={group.data?.plans ?? []} canEnroll={canWrite} />
      {canWrite && <SelectionBar groupNumber={groupNumber} />}
      {roster.error && roster.total === null ? (
        <ErrorState title="The roster could not be loaded" error={roster.error} onRetry={roster.reload} />
      ) : roster.total === 0 ? (
        <EmptyState title={query ? `No member matches “${query}”` : 'No members match these filters'}>
          {roster.matchesWithoutFilters ? (
            // The member is there, only filtered out: a user who does not see that would think them missing.
            <p>
              {plural(roster.matchesWithoutFilters, 'member matches', 'members match')} outside your filters —{' '}
              <button type="button" className="link-button" onClick={clearFilters}>
                Clear filters
              </button>
            </p>
          ) : (
            <p>{query ? 'Check the spelling, or search by member ID or the last 4 digits of the SSN.' : 'Choose more statuses, plans or relationships above.'}</p>
          )}
        </EmptyState>
      ) : (
        <>
          {roster.error && (
            <p className="form-error" role="alert">
              {roster.error.message}
            </p>
          )}
          {roster.total === null ? (
            // Until the total is known the scroll height is not, so the saved position is restored only
            // by the real grid below; this one just holds the table's shape.
            <RosterGrid {...gridProps} total={placeholderRows} initialScrollTop={0} onScrollTop={ignoreScroll} />
          ) : (
            <RosterGrid
              {...gridProps}
              // A new query starts a new list at its top; coming back to the same list restores the position.
              key={JSON.stringify(params)}
              total={roster.total}
              initialScrollTop={useRosterView.getState().scrollTop}
              onScrollTop={setScrollTop}
              focusOnMount={useRosterView.getState().returnFocus}
            />
          )}
        </>
      )}
    </div>
  );
}
