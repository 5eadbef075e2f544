import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Address } from '@shared/contract/schemas/group';
import { planDates } from '@shared/util/date-format';
import { formatUsd } from '@shared/util/money';
import type { Db } from '../../store/db';
import { boldFont, bodyFont, notoPdf } from '../pdf/noto-pdf';
import type { BillingPlan } from './billing-plan';
import { invoiceAdjustmentPages, invoiceLinePages, type InvoiceStatement } from './invoice-pdf-source';

/** Lines read per query: a page of the database, not of the PDF. */
const QUERY_PAGE = 1_000;
/**
 * Table rows per PDF page. Fixed (each row is one text line, cut to its column), so the page count
 * is known from the row counts before the first byte is sent and every page can say "Page N of M"
 * without holding the document in memory (pdfkit's bufferPages) to number it at the end.
 */
export const ROWS_PER_PAGE = 40;

const margin = 54;
const rowHeight = 14;
const fontSize = 9;
/** Letter size, in points. */
const pageWidth = 612;
const pageHeight = 792;

interface Column {
  title: string;
  width: number;
  align?: 'right';
}
const memberColumns: Column[] = [
  { title: 'Member name', width: 200 },
  { title: 'Member ID', width: 90 },
  { title: 'Plan', width: 110 },
  { title: 'Tier', width: 40 },
  { title: 'Amount', width: 64, align: 'right' },
];
const adjustmentColumns: Column[] = [
  { title: 'Month', width: 80 },
  { title: 'Member', width: 190 },
  { title: 'Kind', width: 50 },
  { title: 'Amount', width: 74, align: 'right' },
  { title: 'Confirmation', width: 110 },
];

/** `2026-12-01` → `December 2026`, read in UTC (the plan's calendar). */
const monthName = (isoDate: string): string => new Date(`${isoDate}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const addressLines = (a: Address): string[] => [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter((s): s is string => typeof s === 'string' && s !== '');
const tablePages = (rows: number): number => Math.max(1, Math.ceil(rows / ROWS_PER_PAGE));

/** The page count, from the row counts: a summary page, then the member pages, then the adjustment pages (each at least one). */
export const invoicePageCount = (statement: Pick<InvoiceStatement, 'lineCount' | 'adjustmentCount'>): number => 1 + tablePages(statement.lineCount) + tablePages(statement.adjustmentCount);

/**
 * Writes the invoice as a Letter-size PDF, headed with the plan's name, to `out`,
 * reading its lines and adjustments a query page at a time and waiting for `out` to drain between
 * them, so memory stays flat however many members the group has. Stops quietly when `out` is
 * destroyed (the client went away).
 */
export async function writeInvoicePdf(db: Db, statement: InvoiceStatement, billingPlan: BillingPlan, out: Writable): Promise<void> {
  const { invoice, group } = statement;
  const totalPages = invoicePageCount(statement);
  const doc = await notoPdf({
    size: 'LETTER',
    margin,
    autoFirstPage: false,
    info: { Title: `Invoice ${invoice.invoiceNumber}`, Author: billingPlan.name, Subject: `Invoice for group ${group.groupNumber}, ${monthName(invoice.periodStart)}` },
  });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.on('data', (chunk: Buffer) => {
    if (!out.destroyed) out.write(chunk);
  });

  let pageNumber = 0;
  const newPage = (): void => {
    doc.addPage();
    pageNumber += 1;
    // Inside the bottom margin's top edge, so pdfkit does not start another page for it.
    const y = pageHeight - margin - rowHeight;
    doc.font(bodyFont).fontSize(8).fillColor('#444');
    doc.text(`Invoice ${invoice.invoiceNumber}`, margin, y, { lineBreak: false });
    doc.text(`Page ${pageNumber} of ${totalPages}`, margin, y, { width: pageWidth - 2 * margin, align: 'right', lineBreak: false });
    doc.fillColor('black');
    doc.x = margin;
    doc.y = margin;
  };

  /** `text` cut (with an ellipsis) to fit `width`, so a row is always one line. */
  const fit = (text: string, width: number): string => {
    if (doc.widthOfString(text) <= width) return text;
    let cut = text;
    while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  const row = (columns: Column[], cells: string[], bold: boolean): void => {
    doc.font(bold ? boldFont : bodyFont).fontSize(fontSize);
    const y = doc.y;
    let x = margin;
    columns.forEach((column, i) => {
      const width = column.width - 6;
      doc.text(fit(cells[i] ?? '', width), x, y, { width, lineBreak: false, ...(column.align ? { align: column.align } : {}) });
      x += column.width;
    });
    doc.y = y + rowHeight;
    if (bold) doc.moveTo(margin, doc.y - 3).lineTo(x, doc.y - 3).stroke();
  };

  /** One table section: a heading and header row on each of its pages, ROWS_PER_PAGE rows a page. */
  const table = async <T>(title: string, columns: Column[], pages: AsyncGenerator<T[]>, cells: (item: T) => string[], empty: string): Promise<void> => {
    let onPage = ROWS_PER_PAGE;
    const startPage = (): void => {
      newPage();
      doc.font(boldFont).fontSize(12).text(title, margin, margin);
      doc.font(bodyFont).fontSize(fontSize).fillColor('#444').text(`${group.name} · group ${group.groupNumber} · ${monthName(invoice.periodStart)}`).fillColor('black');
      doc.moveDown(0.8);
      row(columns, columns.map((c) => c.title), true);
      onPage = 0;
    };
    let any = false;
    for await (const page of pages) {
      for (const item of page) {
        if (onPage === ROWS_PER_PAGE) startPage();
        row(columns, cells(item), false);
        onPage += 1;
        any = true;
      }
      if (!(await drained(out))) return;
    }
    if (!any) {
      startPage();
      doc.font(bodyFont).fontSize(fontSize).text(empty, margin);
    }
  };

  newPage();
  summaryPage(doc, statement);
  await table(
    'Premiums by employee',
    memberColumns,
    invoiceLinePages(db, invoice.invoiceNumber, QUERY_PAGE),
    (l) => [l.memberName, l.memberId, statement.planNames.get(l.planCode) ?? l.planCode, l.tier, formatUsd(l.amountCents)],
    'No premiums this month.',
  );
  if (out.destroyed) return;
  await table(
    'Adjustments to earlier months',
    adjustmentColumns,
    invoiceAdjustmentPages(db, invoice.invoiceNumber, QUERY_PAGE),
    (a) => [monthName(a.periodStart), `${a.memberName} (${a.memberId})`, a.kind, formatUsd(a.amountCents), a.confirmationNumber ?? '—'],
    'No adjustments this month.',
  );
  if (out.destroyed) return;
  doc.end();
  await ended;
  out.end();

  function summaryPage(d: PDFKit.PDFDocument, s: InvoiceStatement): void {
    const inv = s.invoice;
    d.font(boldFont).fontSize(18).text(billingPlan.name);
    d.moveDown(0.2).font(bodyFont).fontSize(12).text(`Invoice ${inv.invoiceNumber}`);
    d.moveDown(1).font(boldFont).fontSize(10).text(s.group.name);
    d.font(bodyFont).text(`Group ${s.group.groupNumber}`);
    for (const line of addressLines(s.group.address)) d.text(line);
    d.moveDown(1);
    const field = (label: string, value: string, bold = false): void => {
      const y = d.y;
      d.font(bold ? boldFont : bodyFont).fontSize(10).text(label, margin, y, { lineBreak: false });
      d.text(value, margin + 180, y, { width: 120, align: 'right', lineBreak: false });
      d.y = y + 16;
    };
    field('Billing month', monthName(inv.periodStart));
    field('Issued', planDates.date(inv.issuedOn));
    field('Due', planDates.date(inv.dueDate));
    d.moveDown(1);
    field('Previous balance', formatUsd(inv.previousBalanceCents));
    field('Payments received', formatUsd(-inv.paymentsCents));
    field('Current premiums', formatUsd(inv.premiumsCents));
    field('Adjustments', formatUsd(inv.adjustmentsCents));
    d.moveTo(margin, d.y - 2).lineTo(margin + 300, d.y - 2).stroke();
    d.y += 2;
    field('Total due', formatUsd(inv.totalDueCents), true);
    d.moveDown(2).font(bodyFont).fontSize(10).text(`${s.lineCount} ${s.lineCount === 1 ? 'employee' : 'employees'} billed; ${s.adjustmentCount} ${s.adjustmentCount === 1 ? 'adjustment' : 'adjustments'} to earlier months.`, margin);
    d.moveDown(1).text(`Questions about this invoice? Call ${billingPlan.serviceTeam.name} at ${billingPlan.serviceTeam.phone}.`, margin);
  }
}

/**
 * Resolves true once `out` can take more, false if it was destroyed first. Always after a turn of
 * the event loop: PGlite answers without one, so without it a long invoice would hold the service
 * (other requests, and the socket this PDF goes out on) until its last page.
 */
async function drained(out: Writable): Promise<boolean> {
  await nextTurn();
  if (out.destroyed) return false;
  if (!out.writableNeedDrain) return true;
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      resolve(!out.destroyed);
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
