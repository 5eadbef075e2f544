import type { rosterChangeKinds } from '@shared/contract/methods/roster-history';

export type RosterChange = (typeof rosterChangeKinds)[number];
