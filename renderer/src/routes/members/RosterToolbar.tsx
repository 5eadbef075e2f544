import { relationshipLabels } from '@shared/domain/relationships';
import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { relationships } from '@shared/contract/schemas/member';
import type { Plan } from '@shared/contract/schemas/group';
import { useRosterView } from '../../state/roster-view-store';
import { useDebounced } from '../../components/use-debounced';
import { SearchBox } from '../../components/SearchBox';
import { FilterMenu } from './FilterMenu';
import { StatusChips } from './StatusChips';
import { DownloadRosterDialog } from './download/DownloadRosterDialog';

/** ~150 ms: fast typists finish a word before a query goes out, and results still feel immediate. */
const searchDelay = 150;

/**
 * Search box and filters (they write to the roster view store, which the roster query reads), then the
 * roster's files and enrolling. Importing a file and enrolling change members, so they need `canEnroll`.
 */
export function RosterToolbar({ groupNumber, plans, canEnroll }: { groupNumber: string; plans: Plan[]; canEnroll: boolean }) {
  const query = useRosterView((s) => s.query);
  const filters = useRosterView((s) => s.filters);
  const setQuery = useRosterView((s) => s.setQuery);
  const setFilters = useRosterView((s) => s.setFilters);
  const [text, setText] = useState(query);
  const settled = useDebounced(text.trim(), searchDelay);
  useEffect(() => {
    if (settled !== useRosterView.getState().query) setQuery(settled);
  }, [settled, setQuery]);

  return (
    <div className="toolbar" data-tour="roster-toolbar">
      <SearchBox data-tour="roster-search" label="Search members" placeholder="Name, member ID or last 4 of SSN" value={text} onChange={setText} />
      <StatusChips selected={filters.statuses} onChange={(statuses) => setFilters({ statuses })} />
      <FilterMenu label="Plan" options={plans.map((p) => ({ value: p.code, label: p.name }))} selected={filters.planCodes} onChange={(planCodes) => setFilters({ planCodes })} />
      <FilterMenu
        label="Relationship"
        options={relationships.map((r) => ({ value: r, label: relationshipLabels[r] }))}
        selected={filters.relationships}
        onChange={(picked) => setFilters({ relationships: picked })}
      />
      <div className="toolbar toolbar-end toolbar-actions">
        <Link to="/members/changes" className="button">
          Roster changes
        </Link>
        <DownloadRosterDialog groupNumber={groupNumber} plans={plans} />
        {canEnroll && (
          <>
            <Link to="/members/import" className="button">
              Import a file…
            </Link>
            <Link to="/enroll" className="button button-primary" data-tour="roster-enroll">
              Enroll an employee
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
