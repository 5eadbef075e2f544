import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

const standardFontDataUrl = `${pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')).href}/`;

/** One run of text where the page draws it: `x`, `y` (baseline) and `width` in points from the bottom left. */
export interface PlacedText {
  page: number;
  str: string;
  x: number;
  y: number;
  width: number;
}

/** A font a page draws with: its PostScript name, and whether the file carries it (else a viewer substitutes one). */
export interface UsedFont {
  name: string;
  embedded: boolean;
}

/**
 * Where each piece of text sits and which fonts draw it, as pdfjs reads the file: for checking a
 * layout (nothing drawn over its neighbour) and that every font travels with the document.
 */
export async function pdfLayout(pdf: Uint8Array): Promise<{ items: PlacedText[]; fonts: UsedFont[] }> {
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const items: PlacedText[] = [];
    const fonts = new Map<string, UsedFont>();
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const text = item as TextItem;
        items.push({ page: n, str: text.str, x: text.transform[4] ?? 0, y: text.transform[5] ?? 0, width: text.width });
      }
      const operators = await page.getOperatorList();
      operators.fnArray.forEach((fn, i) => {
        if (fn !== OPS.setFont) return;
        const id = (operators.argsArray[i] as [string])[0];
        const font = page.commonObjs.get(id) as { name: string; missingFile: boolean };
        fonts.set(font.name, { name: font.name, embedded: !font.missingFile });
      });
    }
    return { items, fonts: [...fonts.values()] };
  } finally {
    await document.destroy();
  }
}
