import { finished } from 'node:stream/promises';
import { notoPdf } from '../pdf-document';
import { openOutputFile } from '../output-file';
import { tableRows, type TableFile } from './table-file';

const margin = 36;
const fontSize = 9;
const cellPadding = 4;

/**
 * The table as a landscape Letter PDF in Noto Sans with the title, the subtitle and the column headings repeated
 * on every page; a row taller than one line (a long details cell) wraps within its column.
 */
export async function writePdfTable(filePath: string, table: TableFile): Promise<void> {
  const doc = await notoPdf({ size: 'LETTER', layout: 'landscape', margin, info: { Title: table.title, Author: 'GroupDesk' } });
  const file = await openOutputFile(filePath);
  doc.pipe(file);
  const closed = finished(file);
  try {
    const usable = doc.page.width - 2 * margin;
    const share = table.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = table.columns.map((c) => (c.width / share) * usable);
    const bottom = () => doc.page.height - margin;

    const drawRow = (cells: readonly string[], heading: boolean) => {
      doc.fontSize(fontSize).fillColor(heading ? '#333333' : 'black');
      const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - cellPadding }))) + cellPadding;
      const y = doc.y;
      let x = margin;
      cells.forEach((cell, i) => {
        doc.text(cell, x, y, { width: (widths[i] ?? 0) - cellPadding });
        x += widths[i] ?? 0;
      });
      doc
        .moveTo(margin, y + height - 2)
        .lineTo(margin + usable, y + height - 2)
        .lineWidth(heading ? 1 : 0.25)
        .strokeColor(heading ? '#333333' : '#bbbbbb')
        .stroke();
      doc.x = margin;
      doc.y = y + height;
    };
    const pageTop = () => {
      doc.fontSize(14).fillColor('black').text(table.title, margin, margin);
      doc.fontSize(fontSize).fillColor('#444444').text(table.subtitle).moveDown(0.8);
      drawRow(
        table.columns.map((c) => c.header),
        true,
      );
    };

    pageTop();
    for await (const row of tableRows(table)) {
      const height = Math.max(...row.map((cell, i) => doc.fontSize(fontSize).heightOfString(cell, { width: (widths[i] ?? 0) - cellPadding }))) + cellPadding;
      if (doc.y + height > bottom()) {
        doc.addPage();
        pageTop();
      }
      drawRow(row, false);
    }
    doc.end();
    await closed;
  } catch (error) {
    doc.unpipe(file);
    file.destroy();
    await closed.catch(() => undefined);
    throw error;
  }
}
