import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The embedded typeface's names in a document: `doc.font(bodyFont)`, `doc.font(boldFont)`. They are
 * the fonts' own PostScript names on purpose. The regular face is also the document's default font,
 * opened when the document is made; pdfkit then finds a later `doc.font(name)` among its open fonts
 * only by that PostScript name. Under any other name it opens and parses the font file again on every
 * call, finds it equal to the default and forgets it: once per row of a roster, which made a
 * 250,000-member PDF take minutes.
 */
export const bodyFont = 'NotoSans-Regular';
export const boldFont = 'NotoSans-Bold';

/** Noto Sans, Latin subset (Latin-1, general punctuation, €, ™): what member names and plan words use. */
export const notoSansFiles = { [bodyFont]: 'noto-sans-latin-400-normal.woff', [boldFont]: 'noto-sans-latin-700-normal.woff' } as const;

/**
 * Where the font files are: beside the bundled core (`out/core/fonts`, copied there by
 * scripts/build.mjs, as the sandbox's pdfkit fonts are beside its bundle), else in the installed
 * package, found by Node's module lookup from this file when bundled (the roster command line, a
 * CommonJS bundle of its own) or from the project folder when run from the sources (development, tests).
 */
export function notoSansDir(): string {
  const bundled = typeof __dirname === 'string' && path.basename(__dirname) === 'core' && path.basename(path.dirname(__dirname)) === 'out';
  if (bundled) return path.join(__dirname, 'fonts');
  const lookup = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'package.json'));
  return path.dirname(lookup.resolve(`@fontsource/noto-sans/files/${notoSansFiles[bodyFont]}`));
}

export interface PdfDocument {
  doc: PDFKit.PDFDocument;
  /** The finished file, once `doc.end()` was called. */
  done: Promise<Buffer>;
}

/**
 * A pdfkit document with Noto Sans embedded (regular and bold), for a caller that pipes it to a file
 * itself. pdfkit's built-in Helvetica is not embedded: a viewer without it (most Linux desktops)
 * draws a wider stand-in at the same positions, and a label then runs into its value; nor can it
 * encode the names a roster holds (ñ, ß, €). Embedded, every viewer draws the glyphs the layout measured.
 */
export async function notoPdf(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  // Loaded on the first document, not with the core: pdfkit and its font metrics take 0.1–0.3 s to
  // load, which every start of the core would pay for a document most sessions never make.
  const { default: PDFDocument } = await import('pdfkit');
  const dir = notoSansDir();
  // Noto from the start: pdfkit's default (Helvetica) is then never loaded, let alone left in the file.
  const doc = new PDFDocument({ ...options, font: path.join(dir, notoSansFiles[bodyFont]) });
  for (const [name, file] of Object.entries(notoSansFiles)) doc.registerFont(name, path.join(dir, file));
  return doc;
}

/** A Noto Sans document (see notoPdf) gathered in memory, for the one-page forms and cards. */
export async function openPdf(options: PDFKit.PDFDocumentOptions): Promise<PdfDocument> {
  const doc = await notoPdf(options);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
