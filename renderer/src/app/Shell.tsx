import { useCallback, useEffect, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { Tooltip } from 'radix-ui';
import { useQuery } from '../api/use-query';
import { useCoreEvent } from '../api/ApiProvider';
import { useGroupStore } from '../state/group-store';
import { useStatusStore } from '../state/status-store';
import { GroupSwitcher } from '../components/GroupSwitcher';
import { StatusBar } from '../components/StatusBar';
import { CommandPalette } from '../components/CommandPalette';
import { NotificationCentre } from '../components/NotificationCentre';
import { AccountMenu } from '../components/AccountMenu';
import { EmptyState, ErrorState } from '../components/ErrorState';
import { SkeletonBlock } from '../components/Skeleton';
import { DashboardIcon, MembersIcon, SearchIcon } from '../components/icons';
import { ActivityIcon, BillingIcon, HelpIcon, SettingsIcon } from '../components/nav-icons';
import { AccessIcon, UsersIcon } from '../components/access-nav-icons';
import { NoGroupDashboard } from '../routes/dashboard/NoGroupDashboard';
import { usePermission } from '../state/permissions';
import { formatCount } from '../components/format';
import { describeSync } from '../components/sync-words';
import { GroupScope } from './GroupScope';
import { NavLink } from '../components/NavLink';
import { useHelpShortcut } from '../help/use-help-shortcut';

/** Screens that work without a group: where a signed-out user signs in and a new user gets access. */
const grouplessPaths = new Set(['/settings', '/access', '/access/request', '/bill-pay/sign-up']);
const isGroupless = (pathname: string) => grouplessPaths.has(pathname) || pathname === '/help' || pathname.startsWith('/help/');

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** Focus the page content without touching the address: with hash routing, `#main` would be a route. */
function skipToContent(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

/** Activity in the main navigation, with the outbox's rejected (first) or waiting count as a badge. */
function ActivityNavLink() {
  const pending = useStatusStore((s) => s.sync?.pending ?? 0);
  const rejected = useStatusStore((s) => s.sync?.rejected ?? 0);
  const words = [rejected > 0 ? `${formatCount(rejected)} rejected` : null, pending > 0 ? `${formatCount(pending)} waiting to send` : null].filter(Boolean);
  const count = rejected > 0 ? rejected : pending;
  return (
    <NavLink to="/activity" search={{}} data-tour="nav-activity" label="Activity" icon={<ActivityIcon />}>
      {count > 0 && (
        <span className={`nav-badge${rejected > 0 ? ' is-warn' : ''}`} aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
      {words.length > 0 && <span className="visually-hidden">, {words.join(', ')}</span>}
    </NavLink>
  );
}

/**
 * A role given while signed in can require two-step sign-in: the plan then refuses everything but
 * setting it up, and the core says so in the session. Go where it is set up, once, when that happens.
 */
function useSetupWhenRequired(required: boolean) {
  const navigate = useNavigate();
  const was = useRef(required);
  useEffect(() => {
    if (required && !was.current) void navigate({ to: '/settings' });
    was.current = required;
  }, [required, navigate]);
}

export function Shell() {
  const groups = useQuery('groups.list', {});
  const reloadGroups = groups.reload;
  const groupNumber = useGroupStore((s) => s.groupNumber);
  const setGroup = useGroupStore((s) => s.setGroup);
  const { app, sync, session, reachable } = useStatusStore();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const onPaletteChange = useCallback((open: boolean) => setPaletteOpen(open), []);
  const groupless = useLocation({ select: (l) => isGroupless(l.pathname) });
  const onDashboard = useLocation({ select: (l) => l.pathname === '/' });
  const managesUsers = usePermission('users.manage');
  // Billing users see invoices, never the roster: no Members page and no member search to offer.
  const readsMembers = usePermission('members.read');
  const readsBilling = usePermission('billing.read');
  useHelpShortcut();
  useSetupWhenRequired(session?.twoFactorSetupRequired === true);

  const list = groups.data ?? [];
  const known = list.some((g) => g.groupNumber === groupNumber);
  const first = list[0];
  // A remembered group the user can no longer see falls back to the first one.
  useEffect(() => {
    if (groups.status === 'ready' && !known && first) setGroup(first.groupNumber);
  }, [groups.status, known, first, setGroup]);

  // Groups arrive through sync (the first pull, a sign-in, a new role): ask again when sync settles,
  // the mode changes or someone else signs in, and when changes arrive for a group not listed yet.
  const refreshKey = `${sync?.mode ?? ''}|${sync?.state === 'idle'}|${session?.user?.userId ?? ''}|${session?.groups.length ?? ''}`;
  const lastKey = useRef(refreshKey);
  useEffect(() => {
    if (lastKey.current === refreshKey) return;
    lastKey.current = refreshKey;
    reloadGroups();
  }, [refreshKey, reloadGroups]);
  useCoreEvent((event) => {
    if (event.type === 'roster.changed' && !list.some((g) => g.groupNumber === event.groupNumber)) reloadGroups();
    // The switcher shows each group's balance: a new invoice or payment changes it.
    else if (event.type === 'billing.changed') reloadGroups();
  });

  const gettingGroups = sync?.state === 'starting' || sync?.state === 'connecting' || sync?.state === 'syncing';
  let content;
  if (groupless) content = <Outlet />;
  else if (groups.status === 'error' && !groups.data) content = <ErrorState title="Groups could not be loaded" error={groups.error} onRetry={groups.reload} />;
  else if (!groups.data) content = <SkeletonBlock label="Loading groups…" lines={6} />;
  else if (list.length === 0 && gettingGroups) content = <SkeletonBlock label={`Getting your groups from the plan: ${describeSync(app, sync, session, reachable).state}`} lines={6} />;
  else if (list.length === 0 && sync?.state === 'signed_out')
    content = (
      <EmptyState title="You are signed out">
        <p>Sign in to the plan service to see your groups.</p>
        <Link to="/settings" className="button button-primary">
          Go to Settings
        </Link>
      </EmptyState>
    );
  else if (list.length === 0 && onDashboard) content = <NoGroupDashboard />;
  else if (list.length === 0)
    content = (
      <EmptyState title="No groups yet">
        <p>Your user ID has no group to manage. When a primary administrator gives you access, the group appears here.</p>
        <Link to="/access" className="button button-primary">
          Go to Access
        </Link>
      </EmptyState>
    );
  else if (known)
    content = (
      <GroupScope groups={list}>
        <Outlet />
      </GroupScope>
    );

  return (
    // One provider, so moving between the navigation's tooltips shows the next at once.
    <Tooltip.Provider delayDuration={300}>
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
            <NavLink to="/" activeOptions={{ exact: true }} label="Dashboard" icon={<DashboardIcon />} />
            {readsMembers && (
              <NavLink to="/members" data-tour="nav-members" label="Members" icon={<MembersIcon />} />
            )}
            <ActivityNavLink />
            {readsBilling && (
              <NavLink to="/billing" data-tour="nav-billing" label="Billing" icon={<BillingIcon />} />
            )}
            {managesUsers && (
              <NavLink to="/users" data-tour="nav-users" label="Users" icon={<UsersIcon />} />
            )}
            {session?.mode === 'remote' && session.user && (
              <NavLink to="/access" data-tour="nav-access" label="Access" icon={<AccessIcon />} />
            )}
            <NavLink to="/settings" label="Settings" icon={<SettingsIcon />} />
            <NavLink to="/help" data-tour="nav-help" label="Help" icon={<HelpIcon />} />
          </nav>
        </aside>
        <header className="topbar">
          {list.length > 0 && <GroupSwitcher groups={list} />}
          {readsMembers && (
            <button type="button" className="button button-ghost search-trigger" onClick={() => setPaletteOpen(true)} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
              <SearchIcon />
              <span className="search-trigger-text">Find a member</span>
              <kbd className="kbd" aria-hidden="true">
                {isMac ? '⌘K' : 'Ctrl K'}
              </kbd>
            </button>
          )}
          <NotificationCentre />
          <AccountMenu />
        </header>
        <main id="main" tabIndex={-1} className="main">
          {content}
        </main>
        <StatusBar />
        {readsMembers && <CommandPalette open={paletteOpen} onOpenChange={onPaletteChange} />}
      </div>
    </Tooltip.Provider>
  );
}
