import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { FileStore } from '../files/file-store';
import { importColumns, type ImportColumnKey } from '../services/rosters/import-columns';
import type { Store } from '../store/store';

/** The data folder's files of a store opened in a real folder. */
export const filesOfStore = (store: Store): FileStore => new FileStore(path.dirname(store.path));

/** What a host does with the file the user chose: a copy in the files folder, named by a fresh id. */
export async function receiveFile(store: Store, content: Buffer | string): Promise<string> {
  const { fileId } = await filesOfStore(store).writeNew(async (temporaryPath) => fs.promises.writeFile(temporaryPath, content));
  return fileId;
}

export const newJobId = (): string => randomUUID();

/** A filled row by column key; missing columns are left empty. */
export type FilledRow = Partial<Record<ImportColumnKey, string>>;

/** Template rows as a user fills them: the template's columns, in its order. */
export const rowCells = (row: FilledRow): string[] => importColumns.map((c) => row[c.key] ?? '');

/** The template CSV with rows appended, as a spreadsheet program saves it. */
export function fillCsvTemplate(template: Buffer, rows: readonly FilledRow[]): Buffer {
  return Buffer.concat([template, Buffer.from(stringify(rows.map(rowCells)))]);
}
