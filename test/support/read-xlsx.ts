import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface XlsxCell {
  value: string | number | null;
  type: 'text' | 'number';
  format: string;
}

export interface XlsxSheet {
  name: string;
  frozen: { state: string; topLeftCell: string } | null;
  autoFilter: string | null;
  rows: number;
  cells: Record<string, XlsxCell>;
}

/**
 * Reads a workbook with read_xlsx.py (Python's zipfile and XML parser), a reader that shares no code
 * with exceljs, so a test of a workbook GroupDesk wrote does not take its writer's word for it.
 * A machine without python3 is a broken test machine: that throws, saying so.
 */
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'read_xlsx.py');

export function readXlsxIndependently(file: string): XlsxSheet[] {
  const run = spawnSync('python3', [script, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error !== undefined) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? 'python3 is not installed: the workbook reader (test/support/read_xlsx.py) needs it; .ci/run installs it' : `read_xlsx.py did not run: ${run.error.message}`);
  }
  if (run.status !== 0) throw new Error(`read_xlsx.py could not read ${file}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { sheets: XlsxSheet[] }).sheets;
}
