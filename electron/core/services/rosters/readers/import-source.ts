import fs from 'node:fs';
import { ContractFailure } from '@shared/contract';
import type { importFormats } from '@shared/contract/methods/roster-import';
import type { ImportRow } from '../import-row';
import type { X12FileFacts } from '../x12-file-facts';
import { read834 } from './x12-834-reader';
import { readCsv } from './csv-reader';
import { readXlsx } from './xlsx-reader';

export type ImportFormat = (typeof importFormats)[number];

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * What a received file is, by its first bytes rather than its name (a renamed file is still what it
 * is): a zip is a workbook, `ISA` opens an X12 interchange, text is read as CSV. Binary that is none
 * of these (a PDF, an old .xls) is refused at once.
 */
export function detectFormat(filePath: string): ImportFormat {
  const head = Buffer.alloc(8);
  const handle = fs.openSync(filePath, 'r');
  let read: number;
  try {
    read = fs.readSync(handle, head, 0, head.length, 0);
  } finally {
    fs.closeSync(handle);
  }
  const start = head.subarray(0, read);
  if (start.subarray(0, 4).equals(zipSignature)) return 'xlsx';
  const text = start.subarray(0, 3).equals(utf8Bom) ? start.subarray(3) : start;
  if (text.toString('latin1').startsWith('ISA')) return 'x12-834';
  if (!text.some((byte) => byte < 0x09)) return 'csv';
  throw new ContractFailure('VALIDATION', 'This file is not a CSV, an Excel workbook or an X12 834 file.', { fileId: 'Unknown format' });
}

/** A file's rows, whatever its format; an 834 also tells what its envelopes and syntax came to (complete once the rows are read). */
export interface ImportSource {
  rows: AsyncIterable<ImportRow>;
  x12: X12FileFacts | null;
}

export function readImportRows(format: ImportFormat, input: NodeJS.ReadableStream): ImportSource {
  switch (format) {
    case 'csv':
      return { rows: readCsv(input), x12: null };
    case 'xlsx':
      return { rows: readXlsx(input), x12: null };
    case 'x12-834': {
      const read = read834(input);
      return { rows: read, x12: read.facts };
    }
  }
}
