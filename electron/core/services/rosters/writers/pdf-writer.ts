import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ContractFailure } from '@shared/contract';
import { createDateFormatter } from '@shared/util/date-format';
import { bodyFont, boldFont, notoPdf } from '../../../exports/pdf-document';
import { openOutputFile } from '../../../exports/output-file';
import { dollars } from '../../../exports/spreadsheet-cells';
import { rosterColumnSpecs, type RosterCell } from '../roster-columns';
import { inChunks, type RosterWriter } from './roster-writer';

// US Letter, landscape, in points.
const page = { width: 792, height: 612, margin: 36 };
const fontSize = 8;
const rowHeight = 12;
const cellPadding = 3;
const headerTop = page.margin;
const tableTop = headerTop + 40;
const footerY = page.height - page.margin + 6;
/** A printed roster is read like the screens: plan dates as 11/27/2026, not as the file formats' ISO data. */
const dates = createDateFormatter();
/** Rows per page below the table's header row, above the footer. */
const rowsPerPage = Math.floor((footerY - 10 - (tableTop + rowHeight + 2)) / rowHeight);

/**
 * The roster as a printable table: landscape Letter, Noto Sans embedded, every page headed with the
 * group and the as-of date and footed "Page N of M". Pages are written as they fill (never all
 * held for a last pass), so the page count must be known up front: from the reader's exact count,
 * or from a first pass that only counts. A roster that changed between the count and the pages
 * (a sync committed meanwhile) is refused rather than numbered wrong.
 */
export const writeRosterPdf: RosterWriter = async (records, target, columns, context, options, signal, progress) => {
  const expected = options.total ?? (await countRecords(records, signal));
  const pages = Math.max(1, Math.ceil(expected / rowsPerPage));
  const specs = columns.map((column) => rosterColumnSpecs[column]);
  const title = `Roster of ${context.groupName} as of ${dates.date(context.asOf)}`;
  const doc = await notoPdf({
    size: 'LETTER',
    layout: 'landscape',
    margin: page.margin,
    autoFirstPage: false,
    info: { Title: title, Author: 'GroupDesk', Creator: 'GroupDesk', CreationDate: new Date(context.createdAt), ModDate: new Date(context.createdAt) },
  });
  const file = await openOutputFile(target);
  const finished = once(file, 'finish');
  doc.pipe(file);

  const tableWidth = page.width - 2 * page.margin;
  const unit = tableWidth / specs.reduce((sum, spec) => sum + spec.width, 0);
  const widths = specs.map((spec) => spec.width * unit);
  const measure = { [bodyFont]: glyphWidths(doc, bodyFont), [boldFont]: glyphWidths(doc, boldFont) };

  let pageNumber = 0;
  let rowOnPage = rowsPerPage;
  const startPage = () => {
    forgetLaidOutWords(doc);
    pageNumber += 1;
    doc.addPage();
    doc.font(boldFont).fontSize(11).text(`${context.groupName} · group ${context.groupNumber}`, page.margin, headerTop, { lineBreak: false });
    doc.font(bodyFont).fontSize(9).text(`Roster as of ${dates.date(context.asOf)}`, page.margin, headerTop + 16, { lineBreak: false });
    doc.font(bodyFont).fontSize(fontSize).text(`Page ${pageNumber} of ${pages}`, page.margin, footerY, { lineBreak: false });
    drawRow(specs.map((spec) => spec.label), tableTop, boldFont);
    doc
      .moveTo(page.margin, tableTop + rowHeight)
      .lineTo(page.width - page.margin, tableTop + rowHeight)
      .lineWidth(0.5)
      .stroke();
    rowOnPage = 0;
  };
  const drawRow = (texts: readonly string[], y: number, font: typeof bodyFont | typeof boldFont) => {
    doc.font(font).fontSize(fontSize);
    let x = page.margin;
    texts.forEach((text, index) => {
      const width = widths[index] ?? 0;
      const shown = fitText(text, width - 2 * cellPadding, measure[font]);
      if (shown !== '') doc.text(shown, x + cellPadding, y + 2, { lineBreak: false });
      x += width;
    });
  };

  let rows = 0;
  try {
    for await (const chunk of inChunks(records, signal)) {
      for (const record of chunk) {
        if (rowOnPage === rowsPerPage) startPage();
        drawRow(
          specs.map((spec) => pdfText(spec.cell(record))),
          tableTop + rowHeight + 2 + rowOnPage * rowHeight,
          bodyFont,
        );
        rowOnPage += 1;
      }
      rows += chunk.length;
      if (rows > expected) throw changedMeanwhile();
      progress(rows, expected);
      await flushed(doc, file, signal);
    }
    if (rows !== expected) throw changedMeanwhile();
    if (pageNumber === 0) {
      startPage();
      doc.font(bodyFont).fontSize(9).text('No members match this roster on that date.', page.margin, tableTop + rowHeight + 6, { lineBreak: false });
    }
    doc.end();
    await finished;
  } catch (error) {
    // A write still in flight when the file is closed reports the close as an error: expected here.
    finished.catch(() => undefined);
    doc.unpipe(file);
    file.destroy();
    throw error;
  }
  return rows;
};

/**
 * pdfkit keeps every word it laid out for the document's life (its embedded font's layout cache):
 * over 250,000 members' IDs, names and dates that is most of a gigabyte. Turning the cache off
 * (`fontLayoutCache: false`) keeps memory flat but makes the PDF four times slower, since the words
 * that repeat on every page (relationships, statuses, plans) are then laid out each time. So the
 * cache of the font in use is emptied at each new page: repeated words are laid out once a page.
 * The cache is pdfkit's own field; if a later pdfkit renames it, this does nothing and the export
 * bench's peak memory shows it.
 */
function forgetLaidOutWords(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: { layoutCache?: unknown } })._font;
  if (font?.layoutCache !== undefined) font.layoutCache = Object.create(null);
}

/** What may wait in pdfkit's output before the writer pauses: a few pages. */
const queuedBytes = 1 << 20;

/**
 * pdfkit pushes pages into its output without waiting for the file, and the pipe holds what the
 * file has not taken yet in the document's own buffer: hold the next chunk until both have room.
 */
async function flushed(doc: PDFKit.PDFDocument, file: WriteStream, signal: AbortSignal): Promise<void> {
  while (file.writableNeedDrain || doc.readableLength > queuedBytes) {
    if (file.writableNeedDrain) await once(file, 'drain', { signal });
    else await nextTurn();
    signal.throwIfAborted();
  }
}

const changedMeanwhile = () => new ContractFailure('CONFLICT', 'The roster changed while the PDF was being written. Download it again.');

async function countRecords(records: Iterable<unknown>, signal: AbortSignal): Promise<number> {
  let count = 0;
  for await (const chunk of inChunks(records as Iterable<never>, signal)) count += chunk.length;
  return count;
}

function pdfText(cell: RosterCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.value ?? '';
    case 'date':
      return cell.value === null ? '' : dates.date(cell.value);
    case 'money':
      return cell.cents === null ? '' : `$${dollars(cell.cents)}`;
  }
}

type Widths = (text: string) => number;

/**
 * Text widths at the table's size from per-character advances, each measured once: measuring every
 * cell with the font's layout engine costs more than drawing it. Kerning is left out, which only
 * makes a measured width a touch wider than drawn, never narrower in practice for these fonts.
 */
function glyphWidths(doc: PDFKit.PDFDocument, font: string): Widths {
  const cache = new Map<string, number>();
  return (text) => {
    let width = 0;
    for (const char of text) {
      let advance = cache.get(char);
      if (advance === undefined) {
        advance = doc.font(font).fontSize(fontSize).widthOfString(char);
        cache.set(char, advance);
      }
      width += advance;
    }
    return width;
  };
}

/** The text cut to fit `width` with an ellipsis, when it is wider. */
function fitText(text: string, width: number, measure: Widths): string {
  if (measure(text) <= width) return text;
  const chars = [...text];
  const ellipsis = measure('…');
  let fitted = '';
  let used = 0;
  for (const char of chars) {
    const next = measure(char);
    if (used + next + ellipsis > width) break;
    fitted += char;
    used += next;
  }
  return `${fitted.trimEnd()}…`;
}
