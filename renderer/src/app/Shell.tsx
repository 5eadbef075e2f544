import { useCallback, useEffect, useState } from 'react';
import type { MouseEvent } from 'react';
import { Link, Outlet } from '@tanstack/react-router';
import { useQuery } from '../api/useQuery';
import { useGroupStore } from '../state/groupStore';
import { GroupSwitcher } from '../components/GroupSwitcher';
import { StatusBar } from '../components/StatusBar';
import { CommandPalette } from '../components/CommandPalette';
import { EmptyState, ErrorState } from '../components/ErrorState';
import { SkeletonBlock } from '../components/Skeleton';
import { DashboardIcon, MembersIcon, SearchIcon } from '../components/icons';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** Focus the page content without touching the address: with hash routing, `#main` would be a route. */
function skipToContent(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

export function Shell() {
  const groups = useQuery('groups.list', {});
  const groupNumber = useGroupStore((s) => s.groupNumber);
  const setGroup = useGroupStore((s) => s.setGroup);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const onPaletteChange = useCallback((open: boolean) => setPaletteOpen(open), []);

  const list = groups.data ?? [];
  const known = list.some((g) => g.groupNumber === groupNumber);
  const first = list[0];
  // A remembered group the user can no longer see falls back to the first one.
  useEffect(() => {
    if (groups.status === 'ready' && !known && first) setGroup(first.groupNumber);
  }, [groups.status, known, first, setGroup]);

  let content;
  if (groups.status === 'error' && !groups.data) content = <ErrorState title="Groups could not be loaded" error={groups.error} onRetry={groups.reload} />;
  else if (!groups.data) content = <SkeletonBlock label="Loading groups…" lines={6} />;
  else if (list.length === 0)
    content = (
      <EmptyState title="No groups yet">
        <p>Your user ID has no group to manage. When a primary administrator gives you access, the group appears here.</p>
      </EmptyState>
    );
  else if (known) content = <Outlet />;

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand" aria-hidden="true">
          <span className="brand-mark">G</span>
          <span className="brand-name">GroupDesk</span>
        </div>
        <nav aria-label="Main" className="nav">
          <Link to="/" className="nav-link" activeOptions={{ exact: true }}>
            <DashboardIcon />
            <span className="nav-text">Dashboard</span>
          </Link>
          <Link to="/members" className="nav-link">
            <MembersIcon />
            <span className="nav-text">Members</span>
          </Link>
        </nav>
      </aside>
      <header className="topbar">
        {list.length > 0 && <GroupSwitcher groups={list} />}
        <button type="button" className="button button-ghost search-trigger" onClick={() => setPaletteOpen(true)} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
          <SearchIcon />
          <span className="search-trigger-text">Find a member</span>
          <kbd className="kbd" aria-hidden="true">
            {isMac ? '⌘K' : 'Ctrl K'}
          </kbd>
        </button>
      </header>
      <main id="main" tabIndex={-1} className="main">
        {content}
      </main>
      <StatusBar />
      <CommandPalette open={paletteOpen} onOpenChange={onPaletteChange} />
    </div>
  );
}
