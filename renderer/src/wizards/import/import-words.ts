import type { ImportItem } from '@shared/contract/methods/roster-import';
import { formatCount } from '../../components/format';

export type ImportOutcome = ImportItem['outcome'];

export const actionWords: Record<ImportItem['action'], string> = {
  add: 'Enroll',
  terminate: 'Terminate',
  change: 'Change details',
  reinstate: 'Reinstate',
};

export const outcomeWords: Record<ImportOutcome, string> = {
  queue: 'Would be queued',
  skip: 'Skipped',
  refuse: 'Refused',
};

/** "Line 7" of a spreadsheet (its header is line 1), "Segment 112" of an 834. */
export function locationWords(location: ImportItem['location']): string {
  return `${location.kind === 'line' ? 'Line' : 'Segment'} ${formatCount(location.number)}`;
}

export const queueLabel = (n: number) => `Queue ${formatCount(n)} ${n === 1 ? 'change' : 'changes'}`;
