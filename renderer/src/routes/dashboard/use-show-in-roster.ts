import { useNavigate } from '@tanstack/react-router';
import { useRosterView } from '../../state/roster-view-store';
import type { RosterFilters } from '../../state/roster-view-store';

/**
 * Opens the roster filtered to exactly what a dashboard figure counts, so the roster's "n members"
 * equals the figure the user clicked.
 */
export function useShowInRoster() {
  const navigate = useNavigate();
  return (filters: Partial<RosterFilters>) => {
    const view = useRosterView.getState();
    view.setQuery('');
    view.setFilters({ planCodes: [], relationships: [], ...filters });
    void navigate({ to: '/members' });
  };
}
