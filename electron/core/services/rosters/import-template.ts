import type { Database } from 'better-sqlite3';
import type { SavedFile } from '@shared/contract/methods/rosters';
import type { FilesPort } from '../../dispatch/handler-types';
import { requireGroupRules } from '../transactions/local-replica';
import { findGroup } from '../../store/repositories/groups-repository';
import { actionWords, importColumns, reasonCodes, relationshipWords } from './import-columns';
import { writeSpreadsheet, type SpreadsheetFormat } from './spreadsheet-files';

/**
 * The batch-enrollment template: the members sheet's header (one column per field a user fills),
 * and in a workbook a second sheet explaining each column with the values it takes: this group's
 * plan codes from the replica, the relationship words and the reason codes the readers accept.
 */
export async function writeImportTemplate(files: FilesPort, db: Database, groupNumber: string, format: SpreadsheetFormat, today: string): Promise<SavedFile> {
  requireGroupRules(db, groupNumber, today);
  const plans = findGroup(db, groupNumber, today)?.plans ?? [];
  const allowed: Partial<Record<(typeof importColumns)[number]['key'], string>> = {
    action: Object.values(actionWords).join(', '),
    relationship: relationshipWords.join(', '),
    gender: 'F, M, U',
    employmentStatus: 'FT, PT',
    planCode: plans.map((p) => `${p.code} (${p.name})`).join(', '),
    reason: 'See the reason codes below.',
  };
  const header = importColumns.map((c) => c.label);
  const explained = [
    ...importColumns.map((c) => [c.label, c.help, allowed[c.key] ?? '']),
    ['', '', ''],
    ['Reason code', 'Meaning', 'Use with'],
    ...reasonCodes().map((r) => [r.code, r.label, r.use]),
  ];
  return writeSpreadsheet(files, format, `batch-enrollment-${groupNumber}.${format}`, [
    { name: 'Members', header, rows: [] },
    { name: 'Columns', header: ['Column', 'What to fill in', 'Allowed values'], rows: explained, widths: [22, 90, 60] },
  ]);
}
