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
  it('names the member, group, plan and coverage date, marked temporary, with the plan\'s cost sharing and member services phone', async () => {
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
      'Coverage effective: 01/01/2020',
      'Temporary — valid until your card arrives',
      // Alpha PPO's figures as the replica holds them (member-fixtures.ts), cents shown only where there are some.
      'Deductible\nIn-network: $750 individual / $1,500 family\nOut-of-network: $1,500 individual / $3,000 family',
      'Out-of-pocket maximum\nIn-network: $4,250.50 individual / $8,501 family\nOut-of-network: $8,500 individual / $17,000 family',
      'Member services: 1-937-555-0143',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('See your plan documents');
    // Dates as the screens write them: a plan date as 01/01/2020, the printing time with its day.
    expect(text).toMatch(/Printed from GroupDesk on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} for Yves Zimmer\./);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('refers the member to their plan documents for what the plan has not sent, never inventing it', async () => {
    const withoutPhone = fixtureStore();
    withoutPhone.db.prepare(`UPDATE groups SET member_services_phone = NULL WHERE group_number = '4321'`).run();
    // Zeta HMO was set up before the plan recorded cost sharing.
    const document = await temporaryIdCard(withoutPhone, '4321', '432000002', fixtureToday, now);
    const text = await pdfText(Buffer.from(document.base64, 'base64'));
    expect(text).toContain('Plan: Zeta HMO (HMO-Z)');
    expect(text).toContain('Deductible\nSee your plan documents\nOut-of-pocket maximum\nSee your plan documents');
    expect(text).toContain('Member services: See your plan documents');
    expect(text).not.toMatch(/individual|In-network/);
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
