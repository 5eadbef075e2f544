import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

// pdfjs reads PDFs in plain JavaScript, so tests need no system package such as poppler. Its legacy
// build is the one that runs in Node; the standard fonts (Helvetica, …) it reads glyph widths from
// ship with the package.
const standardFontDataUrl = `${pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')).href}/`;

/** Items on one line closer than this (in points) are pieces of one word; farther apart, a space separates them. */
const WORD_GAP = 1;

/**
 * The text of a PDF as a person reads it: one line per line on the page, pages in order, runs of
 * spaces squeezed to one, so a test can look for "Reason: Lost" however the producer split the line
 * into drawing operations.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item && item.str !== '');
      pages.push(linesOf(items).join('\n'));
    }
    return pages.join('\n\f\n');
  } finally {
    await document.destroy();
  }
}

/** Items grouped by their baseline, top of the page first, each line read left to right. */
function linesOf(items: TextItem[]): string[] {
  const rows = new Map<number, TextItem[]>();
  for (const item of items) {
    const y = Math.round(item.transform[5] ?? 0);
    rows.set(y, [...(rows.get(y) ?? []), item]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, row]) => {
      row.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
      let line = '';
      let end = -Infinity;
      for (const item of row) {
        const x = item.transform[4] ?? 0;
        line += x - end > WORD_GAP && line !== '' ? ` ${item.str}` : item.str;
        end = x + item.width;
      }
      return line.replace(/\s+/g, ' ').trim();
    });
}
