import { describe, expect, it } from 'vitest';
import { bodyFont, boldFont, notoPdf } from './pdf-document';

/** How many times pdfkit opened a font file for this document: its own counter, behind each font's `F<n>` id. */
const opened = (doc: PDFKit.PDFDocument) => (doc as unknown as { _fontCount: number })._fontCount;

describe('a Noto Sans PDF document', () => {
  it('switches between its faces without opening a font file again', async () => {
    const doc = await notoPdf({ size: 'LETTER' });
    doc.font(boldFont).font(bodyFont);
    const once = opened(doc);
    // A roster switches face at every row and page: each switch must find the face already open.
    for (let row = 0; row < 5; row += 1) doc.font(boldFont).font(bodyFont);
    expect(opened(doc)).toBe(once);
    expect(once).toBeLessThanOrEqual(3);
  });
});
