import type { Address } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { relationshipLabels } from '@shared/domain/relationships';
import { createDateFormatter, type DateFormatter } from '@shared/util/date-format';
import { boldFont, bodyFont, openPdf } from './pdf-document';

export interface IdCardFormMember {
  memberId: string;
  name: string;
  relationship: Relationship | null;
}

/** What the ID-card request form records (issue 4: "a printable ID-card request form kept for the records"). */
export interface IdCardRequestForm {
  group: { groupNumber: string; name: string; address: Address };
  transactionId: number;
  members: IdCardFormMember[];
  reason: string;
  shipTo: 'member' | 'employer';
  requestedBy: string;
  requestedAt: string;
  /** Plain words: "Waiting to be sent", "Accepted", … */
  status: string;
  confirmationNumber: string | null;
  generatedAt: string;
}

const margin = 54;
const fontSize = 10;
/** Space between a label's measured end and its value, and between table columns. */
const gap = 12;
/** The label column never takes more than this share of the line: a longer label wraps in it. */
const maxLabelShare = 0.4;

const oneLine = (a: Address): string => [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter((s) => s !== undefined && s !== null && s !== '').join(', ');

/**
 * The form as a Letter-size PDF in embedded Noto Sans. Labels and values are placed by their
 * measured widths (`widthOfString`): every value starts past the widest label, and text that does
 * not fit wraps inside its own column, so nothing is drawn over anything else. Its times are written
 * as the screens write them (`dates`: United States format in this computer's time zone by default).
 */
export async function renderIdCardRequestForm(form: IdCardRequestForm, dates: DateFormatter = createDateFormatter()): Promise<Buffer> {
  const { doc, done } = await openPdf({
    size: 'LETTER',
    margin,
    info: { Title: `ID card request — group ${form.group.groupNumber} — #${form.transactionId}`, Author: 'GroupDesk', Subject: 'ID card request form' },
  });
  const contentWidth = doc.page.width - 2 * margin;

  doc.font(boldFont).fontSize(18).text('ID card request form');
  doc.moveDown(0.3).font(bodyFont).fontSize(fontSize).fillColor('#444').text(`${form.group.name} · group ${form.group.groupNumber}`).fillColor('black');
  doc.moveDown(1);

  const fields: [string, string][] = [
    ['Request', `#${form.transactionId}`],
    ['Status', form.status],
    ...(form.confirmationNumber === null ? [] : ([['Confirmation number', form.confirmationNumber]] as [string, string][])),
    ['Reason', form.reason],
    ['Ship to', form.shipTo === 'member' ? "Each member's home address on file" : `The employer: ${form.group.name}, ${oneLine(form.group.address)}`],
    ['Requested by', `${form.requestedBy} on ${dates.dateTime(form.requestedAt)}`],
    ['Cards requested', String(form.members.length)],
  ];
  doc.font(boldFont).fontSize(fontSize);
  const labelWidth = Math.min(Math.max(...fields.map(([label]) => doc.widthOfString(`${label}:`))), contentWidth * maxLabelShare);
  const valueX = margin + labelWidth + gap;
  const valueWidth = contentWidth - labelWidth - gap;
  for (const [label, value] of fields) {
    const y = doc.y;
    doc.font(boldFont).text(`${label}:`, margin, y, { width: labelWidth });
    const labelBottom = doc.y;
    doc.font(bodyFont).text(value, valueX, y, { width: valueWidth });
    doc.x = margin;
    doc.y = Math.max(labelBottom, doc.y) + 2;
  }
  doc.moveDown(1);

  // The ID and relationship columns as wide as their widest entry; the name takes the rest and wraps.
  const relationships = form.members.map((m) => (m.relationship === null ? '—' : relationshipLabels[m.relationship]));
  const widest = (texts: string[], font: string) => {
    doc.font(font);
    return Math.max(...texts.map((t) => doc.widthOfString(t)));
  };
  const idWidth = Math.max(widest(['Member ID'], boldFont), widest(form.members.map((m) => m.memberId), bodyFont)) + gap;
  const relationshipWidth = Math.max(widest(['Relationship'], boldFont), widest(relationships, bodyFont)) + gap;
  const widths = [idWidth, contentWidth - idWidth - relationshipWidth, relationshipWidth];

  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? boldFont : bodyFont).fontSize(fontSize);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - gap })));
    if (doc.y + height > doc.page.height - margin - 30) doc.addPage();
    const y = doc.y;
    let x = margin;
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 0;
      doc.text(cell, x, y, { width: width - gap });
      x += width;
    });
    doc.x = margin;
    doc.y = y + height + 4;
    if (bold) {
      doc.moveTo(margin, doc.y - 2).lineTo(margin + contentWidth, doc.y - 2).stroke();
      doc.y += 2;
    }
  };
  row(['Member ID', 'Name', 'Relationship'], true);
  form.members.forEach((m, i) => row([m.memberId, m.name, relationships[i] ?? '—'], false));

  doc.moveDown(2).font(bodyFont).fontSize(8).fillColor('#666').text(`Printed from GroupDesk on ${dates.dateTime(form.generatedAt)}. Keep this form with the group's records.`, margin);
  doc.end();
  return done;
}
