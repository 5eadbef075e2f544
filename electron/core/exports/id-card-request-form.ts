import type { Address } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { relationshipLabels } from '@shared/domain/relationships';

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
const columns = [
  { title: 'Member ID', width: 110 },
  { title: 'Name', width: 250 },
  { title: 'Relationship', width: 144 },
];

const oneLine = (a: Address): string => [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter((s) => s !== undefined && s !== null && s !== '').join(', ');

/** The form as a Letter-size PDF (pdfkit's built-in Helvetica: no font files to ship). */
export async function renderIdCardRequestForm(form: IdCardRequestForm): Promise<Buffer> {
  // Loaded on the first form, not with the core: pdfkit and its font metrics take 0.1–0.3 s to load,
  // which every start of the core would pay for a document most sessions never make.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'LETTER',
    margin,
    info: { Title: `ID card request — group ${form.group.groupNumber} — #${form.transactionId}`, Author: 'GroupDesk', Subject: 'ID card request form' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text('ID card request form');
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#444').text(`${form.group.name} · group ${form.group.groupNumber}`).fillColor('black');
  doc.moveDown(1);

  const field = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  };
  field('Request', `#${form.transactionId}`);
  field('Status', form.status);
  if (form.confirmationNumber !== null) field('Confirmation number', form.confirmationNumber);
  field('Reason', form.reason);
  field('Ship to', form.shipTo === 'member' ? "Each member's home address on file" : `The employer: ${form.group.name}, ${oneLine(form.group.address)}`);
  field('Requested by', `${form.requestedBy} on ${form.requestedAt.slice(0, 10)} at ${form.requestedAt.slice(11, 16)} UTC`);
  field('Cards requested', String(form.members.length));
  doc.moveDown(1);

  const row = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - margin - 30) doc.addPage();
    const y = doc.y;
    let x = margin;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    let height = 0;
    cells.forEach((cell, i) => {
      const width = columns[i]?.width ?? 100;
      doc.text(cell, x, y, { width: width - 8 });
      height = Math.max(height, doc.heightOfString(cell, { width: width - 8 }));
      x += width;
    });
    doc.x = margin;
    doc.y = y + height + 4;
    if (bold) {
      doc.moveTo(margin, doc.y - 2).lineTo(margin + columns.reduce((sum, c) => sum + c.width, 0), doc.y - 2).stroke();
      doc.y += 2;
    }
  };
  row(
    columns.map((c) => c.title),
    true,
  );
  for (const m of form.members) row([m.memberId, m.name, m.relationship === null ? '—' : relationshipLabels[m.relationship]], false);

  doc.moveDown(2).font('Helvetica').fontSize(8).fillColor('#666').text(`Printed from GroupDesk on ${form.generatedAt.slice(0, 10)}. Keep this form with the group's records.`, margin);
  doc.end();
  return done;
}
