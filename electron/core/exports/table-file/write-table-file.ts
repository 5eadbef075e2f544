import { writeCsvTable } from './csv-table-file';
import { writePdfTable } from './pdf-table-file';
import type { TableFile, TableFormat } from './table-file';
import { writeXlsxTable } from './xlsx-table-file';

/** Writes `table` to `path` in `format`. */
export function writeTableFile(format: TableFormat, path: string, table: TableFile): Promise<void> {
  switch (format) {
    case 'csv':
      return writeCsvTable(path, table);
    case 'xlsx':
      return writeXlsxTable(path, [table]);
    case 'pdf':
      return writePdfTable(path, table);
  }
}
