import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The embedded typeface's names: `doc.font(bodyFont)`, `doc.font(boldFont)`. They are the fonts' own
 * PostScript names, the only names under which pdfkit finds an open font again instead of parsing
 * its file anew on every call (the desktop's electron/core/exports/pdf-document.ts does the same).
 */
export const bodyFont = 'NotoSans-Regular';
export const boldFont = 'NotoSans-Bold';

/** Noto Sans, Latin subset (Latin-1, general punctuation, €, ™): what member names and plan words use. */
const notoSansFiles = { [bodyFont]: 'noto-sans-latin-400-normal.woff', [boldFont]: 'noto-sans-latin-700-normal.woff' } as const;

/**
 * Where the font files are: beside the bundle when it carries them (the embedded sandbox service,
 * out/sandbox/fonts, copied by scripts/sandbox-bundle.mjs because an installed app has no
 * node_modules to look in), else in the installed package.
 */
function notoSansDir(): string {
  const beside = fileURLToPath(new URL('fonts/', import.meta.url));
  if (existsSync(path.join(beside, notoSansFiles[bodyFont]))) return beside;
  return path.dirname(createRequire(import.meta.url).resolve(`@fontsource/noto-sans/files/${notoSansFiles[bodyFont]}`));
}

/**
 * A pdfkit document in embedded Noto Sans, regular and bold. pdfkit's built-in Helvetica is not
 * embedded: a viewer without it (most Linux desktops) draws a wider stand-in at the measured
 * positions, so labels run into their values, and it cannot encode names such as Núñez.
 */
export async function notoPdf(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  // Loaded on the first PDF, not with the service: pdfkit and its font metrics take 0.1–0.3 s to load.
  const { default: PDFDocument } = await import('pdfkit');
  const dir = notoSansDir();
  // Noto from the start: pdfkit's default (Helvetica) is then never loaded, let alone left in the file.
  const doc = new PDFDocument({ ...options, font: path.join(dir, notoSansFiles[bodyFont]) });
  for (const [name, file] of Object.entries(notoSansFiles)) doc.registerFont(name, path.join(dir, file));
  return doc;
}
