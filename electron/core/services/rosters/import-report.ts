import type { Database } from 'better-sqlite3';
import type { ImportItem } from '@shared/contract/methods/roster-import';
import type { SavedFile } from '@shared/contract/methods/rosters';
import type { FilesPort } from '../../dispatch/handler-types';
import { eachImportItem, requireImport } from '../../store/repositories/imports-repository';
import { actionWords } from './import-columns';
import { writeSpreadsheet, type SpreadsheetFormat } from './spreadsheet-files';

const outcomeWords: Record<ImportItem['outcome'], string> = { queue: 'Queued', skip: 'Skipped', refuse: 'Refused' };

/** The dry-run report of a checked file: location, member, action, outcome and reason of each member. Never an SSN. */
export async function writeImportReport(files: FilesPort, db: Database, groupNumber: string, importId: number, format: SpreadsheetFormat): Promise<SavedFile> {
  requireImport(db, groupNumber, importId);
  const rows = (function* () {
    for (const item of eachImportItem(db, importId)) {
      const where = `${item.location.kind === 'line' ? 'Line' : 'Segment'} ${item.location.number}`;
      yield [where, item.memberId ?? '', item.name, actionWords[item.action], outcomeWords[item.outcome], item.reason ?? ''];
    }
  })();
  return writeSpreadsheet(files, format, `import-check-${groupNumber}-${importId}.${format}`, [
    { name: 'Check', header: ['Location', 'Member ID', 'Name', 'Action', 'Outcome', 'Reason'], rows, widths: [14, 16, 30, 12, 12, 90] },
  ]);
}
