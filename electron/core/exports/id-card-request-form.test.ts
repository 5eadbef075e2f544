import { describe, expect, it } from 'vitest';
import { createDateFormatter } from '@shared/util/date-format';
import { pdfLayout, type PlacedText } from '../../../test/support/pdf-layout';
import { pdfText } from '../../../test/support/pdf-text';
import { renderIdCardRequestForm, type IdCardRequestForm } from './id-card-request-form';

const longName = 'Maximiliana Alexandrina Konstantinopoulou-Vanderbilt-Featherstonehaugh';
const form: IdCardRequestForm = {
  group: { groupNumber: '4321', name: 'The Very Long Name of an Employer Cooperative of Precision Fabrication Workshops LLC', address: { line1: '1 Main St', city: 'Dayton', state: 'OH', zip: '45402' } },
  transactionId: 12,
  members: [
    { memberId: '432000001', name: longName, relationship: 'subscriber' },
    { memberId: '432000001-02', name: 'Yves Zimmer', relationship: 'child' },
  ],
  reason: 'Information on the card changed',
  shipTo: 'employer',
  requestedBy: `${longName} (primary administrator)`,
  requestedAt: '2026-11-27T10:04:00.000Z',
  status: 'Accepted by the plan',
  confirmationNumber: 'TX-20261127-0000077',
  generatedAt: '2026-11-27T10:05:00.000Z',
};

const labels = ['Request:', 'Status:', 'Confirmation number:', 'Reason:', 'Ship to:', 'Requested by:', 'Cards requested:'];
const sameLine = (a: PlacedText, b: PlacedText) => a.page === b.page && Math.abs(a.y - b.y) < 0.5;

describe('the ID-card request form', () => {
  it('embeds its fonts, so every viewer draws the glyphs the layout measured', async () => {
    const { fonts } = await pdfLayout(await renderIdCardRequestForm(form));
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('starts every value past the end of its label, however long the values are', async () => {
    const { items } = await pdfLayout(await renderIdCardRequestForm(form));
    for (const text of labels) {
      const label = items.find((i) => i.str === text);
      if (label === undefined) throw new Error(`no label ${text}`);
      const values = items.filter((i) => i !== label && sameLine(i, label));
      expect(values.length, text).toBeGreaterThan(0);
      for (const value of values) expect(value.x, `${text} ${value.str}`).toBeGreaterThanOrEqual(label.x + label.width);
    }
    // The long values wrap in their column instead of running off the page.
    const requestedBy = items.filter((i) => i.str.includes('Featherstonehaugh') || i.str.includes('primary administrator'));
    for (const piece of requestedBy) expect(piece.x + piece.width).toBeLessThanOrEqual(612 - 54 + 0.5);
  });

  it('keeps a long member name inside its column, clear of the relationship', async () => {
    const { items } = await pdfLayout(await renderIdCardRequestForm(form));
    const relationship = items.find((i) => i.str === 'Relationship');
    const name = items.find((i) => i.str === 'Name');
    if (relationship === undefined || name === undefined) throw new Error('no table header');
    const namePieces = items.filter((i) => i.x === name.x && i.y < name.y);
    expect(namePieces.map((i) => i.str).join(' ')).toContain('Konstantinopoulou');
    for (const piece of namePieces) expect(piece.x + piece.width, piece.str).toBeLessThanOrEqual(relationship.x);
    const id = items.find((i) => i.str === '432000001-02');
    if (id === undefined) throw new Error('no member ID');
    expect(id.x + id.width).toBeLessThanOrEqual(name.x);
  });

  it('prints when it was requested and printed as the screens write dates, in the reader\'s time zone', async () => {
    const text = await pdfText(await renderIdCardRequestForm({ ...form, requestedBy: 'Pat Lee' }, createDateFormatter('en-US', 'America/New_York')));
    expect(text).toContain('Requested by: Pat Lee on 11/27/2026 05:04');
    expect(text).toContain('Printed from GroupDesk on 11/27/2026 05:05.');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC/);
  });
});
