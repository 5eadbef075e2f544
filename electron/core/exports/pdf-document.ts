import path from 'node:path';

/** The embedded typeface's names in a document: `doc.font(bodyFont)`, `doc.font(boldFont)`. */
export const bodyFont = 'NotoSans';
export const boldFont = 'NotoSans-Bold';

/** Noto Sans, Latin subset (Latin-1, general punctuation, €, ™): what member names and plan words use. */
export const notoSansFiles = { [bodyFont]: 'noto-sans-latin-400-normal.woff', [boldFont]: 'noto-sans-latin-700-normal.woff' } as const;

/**
 * Where the font files are: beside the bundled core (`out/core/fonts`, copied there by
 * scripts/build.mjs, as the sandbox's pdfkit fonts are beside its bundle), else, running from the
 * sources (development, tests), in the installed package.
 */
export function notoSansDir(): string {
  const bundled = typeof __dirname === 'string' && path.basename(__dirname) === 'core' && path.basename(path.dirname(__dirname)) === 'out';
  return bundled ? path.join(__dirname, 'fonts') : path.resolve(process.cwd(), 'node_modules', '@fontsource', 'noto-sans', 'files');
}

export interface PdfDocument {
  doc: PDFKit.PDFDocument;
  /** The finished file, once `doc.end()` was called. */
  done: Promise<Buffer>;
}

/**
 * A pdfkit document with Noto Sans embedded (regular and bold). pdfkit's built-in Helvetica is not
 * embedded: a viewer without it (most Linux desktops) draws a wider stand-in at the same positions,
 * and a label then runs into its value. Embedded, every viewer draws the glyphs the layout measured.
 */
export async function openPdf(options: PDFKit.PDFDocumentOptions): Promise<PdfDocument> {
  // Loaded on the first document, not with the core: pdfkit and its font metrics take 0.1–0.3 s to
  // load, which every start of the core would pay for a document most sessions never make.
  const { default: PDFDocument } = await import('pdfkit');
  const dir = notoSansDir();
  // Noto from the start: pdfkit's default (Helvetica) is then never loaded, let alone left in the file.
  const doc = new PDFDocument({ ...options, font: path.join(dir, notoSansFiles[bodyFont]) });
  for (const [name, file] of Object.entries(notoSansFiles)) doc.registerFont(name, path.join(dir, file));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
