import type { RosterExportColumn, RosterExportFormat } from '@shared/contract/methods/rosters';
import { readSetting, writeSetting } from '../../store/repositories/settings-repository';
import type { Store } from '../../store/store';

export interface ExportChoices {
  columns: RosterExportColumn[];
  format: RosterExportFormat;
}

/** What the picker offers before a user's first download in a group: who is covered, by what, since when. */
export const defaultExportChoices: ExportChoices = {
  columns: ['memberId', 'relationship', 'lastName', 'firstName', 'dateOfBirth', 'planName', 'tier', 'status', 'effectiveDate', 'terminationDate'],
  format: 'csv',
};

const keyOf = (userId: number | null, groupNumber: string) => `${userId ?? 'none'}/${groupNumber}`;

export function readExportChoices(store: Store, userId: number | null, groupNumber: string): ExportChoices {
  return readSetting(store, 'rosterExportChoices')?.[keyOf(userId, groupNumber)] ?? defaultExportChoices;
}

export function saveExportChoices(store: Store, userId: number | null, groupNumber: string, choices: ExportChoices, now: string): void {
  const all = readSetting(store, 'rosterExportChoices') ?? {};
  writeSetting(store, 'rosterExportChoices', { ...all, [keyOf(userId, groupNumber)]: choices }, now);
}
