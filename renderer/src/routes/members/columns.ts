import type { RosterSortColumn } from '@shared/contract/methods/members';

export interface RosterColumn {
  id: string;
  label: string;
  sortBy: RosterSortColumn;
}

/** Widths live in roster.css (`--roster-columns`) so header and rows line up from one definition. */
export const rosterColumns: RosterColumn[] = [
  { id: 'name', label: 'Name', sortBy: 'lastName' },
  { id: 'memberId', label: 'Member ID', sortBy: 'memberId' },
  { id: 'relationship', label: 'Relationship', sortBy: 'relationship' },
  { id: 'dateOfBirth', label: 'Date of birth', sortBy: 'dateOfBirth' },
  { id: 'plan', label: 'Plan', sortBy: 'planName' },
  { id: 'tier', label: 'Tier', sortBy: 'tier' },
  { id: 'status', label: 'Status', sortBy: 'status' },
  { id: 'effective', label: 'Effective', sortBy: 'effectiveDate' },
  { id: 'termination', label: 'Termination', sortBy: 'terminationDate' },
];
