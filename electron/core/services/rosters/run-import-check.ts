import type { ImportCheck, ImportItem } from '@shared/contract/methods/roster-import';
import type { Store } from '../../store/store';
import { eachImportItem } from '../../store/repositories/imports-repository';
import { checkImportFile, type ImportCheckOptions } from './import-check';

/**
 * A file check outside the app (the roster CLI's `import --dry-run`): the check as `roster.importCheck`
 * runs it, and every member's outcome in file order, for a JSON report. SSNs never appear in it.
 */
export async function runImportCheck(
  store: Store,
  groupNumber: string,
  filePath: string,
  options: Omit<ImportCheckOptions, 'fileName'> & { fileName?: string },
): Promise<ImportCheck & { items: ImportItem[] }> {
  const check = await checkImportFile(store, groupNumber, filePath, { ...options, fileName: options.fileName ?? filePath });
  return { ...check, items: [...eachImportItem(store.db, check.importId)] };
}
