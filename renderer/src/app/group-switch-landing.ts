import type { LeftBehind } from '../state/group-switch';

/** A list page a group switch lands on; `null` keeps the screen (it is already the group's list, or needs no group). */
export type ListPath = '/members' | '/activity' | '/billing';

export interface SwitchLanding {
  path: ListPath | null;
  /** What the screen shows of the new group, for the announcement ("its members"). */
  shows: string | null;
}

/**
 * Where a group switch takes each screen. A record (a member, an invoice, an open Activity item) or a
 * wizard belongs to the group it was opened in, so it gives way to the list it came from; a list simply
 * shows the new group's rows.
 */
export function landingAfterSwitch(pathname: string, search: Readonly<Record<string, unknown>>): SwitchLanding {
  if (pathname === '/') return { path: null, shows: 'its dashboard' };
  if (pathname === '/members') return { path: null, shows: 'its members' };
  // Member detail and the wizards about one member, enrollment and ID cards: all close to the roster.
  if (pathname.startsWith('/members/') || pathname === '/enroll' || pathname === '/id-cards') return { path: '/members', shows: 'its members' };
  if (pathname === '/activity') return { path: search['id'] === undefined ? null : '/activity', shows: 'its activity' };
  if (pathname === '/billing') return { path: null, shows: 'its billing' };
  if (pathname.startsWith('/billing/')) return { path: '/billing', shows: 'its billing' };
  if (pathname === '/users') return { path: null, shows: 'its users' };
  return { path: null, shows: null };
}

interface Named {
  name: string;
  groupNumber: string;
}

const named = (g: Named) => `${g.name} (group ${g.groupNumber})`;

/** The polite announcement of a switch: which group, what is on screen now, and what became of unfinished work. */
export function switchAnnouncement(from: Named, to: Named, shows: string | null, left: readonly LeftBehind[]): string {
  const words = [`Switched to ${named(to)}${shows ? `: showing ${shows}` : ''}.`];
  for (const item of left) {
    if (item.kind === 'draft_saved') words.push(`Your draft was saved in ${named(from)}: switch back to it and resume the draft from Activity, under Unfinished.`);
    else if (item.kind === 'draft_not_saved') words.push(`Your draft in ${named(from)} could not be saved: ${item.message}`);
    else words.push(`The payment you were preparing for ${named(from)} was not sent.`);
  }
  return words.join(' ');
}
