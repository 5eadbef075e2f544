import { describe, expect, it } from 'vitest';
import { ContractFailure } from '@shared/contract';
import { pdfLayout } from '../../../../test/support/pdf-layout';
import { pdfText } from '../../../../test/support/pdf-text';
import { fixtureStore, fixtureToday } from '../../test-support/member-fixtures';
import { temporaryIdCard } from './temporary-id-card';

const store = fixtureStore();
const now = '2026-11-27T10:00:00.000Z';
const card = (memberId: string) => temporaryIdCard(store, '4321', memberId, fixtureToday, now);

describe('the temporary ID card', () => {
  it('names the member, group, plan and coverage date, marked temporary, with the cost-sharing lines', async () => {
    const document = await card('432000001-02');
    expect(document).toMatchObject({ fileName: 'temporary-id-card-432000001-02.pdf', contentType: 'application/pdf' });
    const pdf = Buffer.from(document.base64, 'base64');
    const text = await pdfText(pdf);
    for (const words of [
      'Member: Yves Zimmer',
      'Member ID: 432000001-02',
      'Employee: Walter Zimmer (432000001)',
      'Group: Fixture Fabrication LLC · group 4321',
      'Plan: Alpha PPO (PPO-A) · Family',
      'Coverage effective: 2020-01-01',
      'Temporary — valid until your card arrives',
      'In-network deductible (individual / family)',
      'In-network out-of-pocket maximum (individual / family)',
      'Out-of-network deductible (individual / family)',
      'Out-of-network out-of-pocket maximum (individual / family)',
      'Member services phone',
    ]) {
      expect(text).toContain(words);
    }
    // The plan's data here holds no cost sharing nor phone: the card says where they are instead of inventing them.
    expect(text.match(/See your plan documents/g)).toHaveLength(5);
  });

  it('embeds its fonts and keeps every line on its card face', async () => {
    const pdf = Buffer.from((await card('432000001')).base64, 'base64');
    const { fonts, items } = await pdfLayout(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    // Wallet size (3.375 in wide) centred on Letter: every line below the page heading stays inside.
    const left = (612 - 3.375 * 72) / 2;
    const onCards = items.filter((i) => i.y < 792 - 2 * 72 && i.str !== 'Front' && i.str !== 'Back');
    expect(onCards.length).toBeGreaterThan(10);
    for (const item of onCards) {
      expect(item.x, item.str).toBeGreaterThanOrEqual(left);
      expect(item.x + item.width, item.str).toBeLessThanOrEqual(left + 3.375 * 72);
    }
  });

  it('refuses a member whose coverage ended, with a stable code', async () => {
    await expect(card('432000005')).rejects.toThrow(ContractFailure);
    await expect(card('432000005')).rejects.toMatchObject({ code: 'RULE', message: 'Coverage ended 2026-10-31: ID cards are issued only to covered members.' });
    await expect(card('999999999')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
