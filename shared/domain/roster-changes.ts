import type { rosterChangeKinds } from '../contract/methods/roster-history';

/** How a roster change is named on screen and in an exported file. */
export const rosterChangeLabels: Record<(typeof rosterChangeKinds)[number], string> = {
  added: 'Added',
  terminated: 'Terminated',
  changed: 'Changed',
};
