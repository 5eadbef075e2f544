import type { RosterSortColumn } from '@shared/contract/methods/members';

export type RosterColumnId = 'name' | 'memberId' | 'status' | 'plan' | 'tier' | 'relationship' | 'dateOfBirth' | 'effective' | 'termination';

export interface RosterColumn {
  id: RosterColumnId;
  label: string;
  sortBy: RosterSortColumn;
  /** The narrowest the column gets, in CSS pixels; a column with `grow` takes a share of any room left. */
  minWidth: number;
  grow?: number;
}

/**
 * The checkbox column in front when members can be changed. With it, every column still fits at 1280×720
 * (1,020 px inside the grid): the widths below add up to 1,018 px.
 */
export const selectColumnWidth = 32;

/**
 * In order of what an administrator needs to tell members apart and see where they stand: who, their ID
 * and their coverage status come first, so that an 800 px window or 200% zoom, which scrolls the rest
 * sideways, still shows Status without scrolling.
 */
export const rosterColumns: RosterColumn[] = [
  { id: 'name', label: 'Name', sortBy: 'lastName', minWidth: 156, grow: 2.2 },
  { id: 'memberId', label: 'Member ID', sortBy: 'memberId', minWidth: 118 },
  { id: 'status', label: 'Status', sortBy: 'status', minWidth: 104 },
  { id: 'plan', label: 'Plan', sortBy: 'planName', minWidth: 112, grow: 1.6 },
  { id: 'tier', label: 'Tier', sortBy: 'tier', minWidth: 52 },
  { id: 'relationship', label: 'Relationship', sortBy: 'relationship', minWidth: 128 },
  { id: 'dateOfBirth', label: 'Date of birth', sortBy: 'dateOfBirth', minWidth: 112 },
  { id: 'effective', label: 'Effective', sortBy: 'effectiveDate', minWidth: 100 },
  { id: 'termination', label: 'Termination', sortBy: 'terminationDate', minWidth: 104 },
];

/** The grid's `grid-template-columns`, one definition for the header and every row so they line up. */
export function rosterTrack(selectable: boolean): string {
  const tracks = rosterColumns.map((c) => (c.grow ? `minmax(${c.minWidth}px, ${c.grow}fr)` : `${c.minWidth}px`));
  return (selectable ? [`${selectColumnWidth}px`, ...tracks] : tracks).join(' ');
}
