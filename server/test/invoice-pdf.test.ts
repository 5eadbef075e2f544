import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { formatUsd } from '@shared/util/money';
import { pdfLayout } from '../../test/support/pdf-layout';
import { pdfText } from '../../test/support/pdf-text';
import { backends } from '../test-support/backends';
import { GROUP, path, type EligibilityFixture } from './eligibility-support';
import { PPO, startInvoiceFixture, type InvoiceFixture } from './invoice-fixture';

/** The plan as its operator configured it (PLAN_NAME and the billing team), not the sandbox's default. */
const plan = { name: 'Buckeye Mutual Health', serviceTeam: { name: 'Employer Billing Desk', phone: '1-614-555-0199' }, memberServicesPhone: '1-614-555-0100' };

describe.each(backends())('the invoice PDF (%s)', (backend) => {
  let f: EligibilityFixture;
  let november = '';
  let december = '';
  let ids: InvoiceFixture['ids'];
  let lateTx = '';
  const download = (invoiceNumber: string, token: string, group = GROUP) => fetch(`${f.service.url}${path(`/invoices/${invoiceNumber}/pdf`, group)}`, { headers: { authorization: `Bearer ${token}` } });
  const pagesOf = async (response: Response): Promise<string[]> => (await pdfText(new Uint8Array(await response.arrayBuffer()))).split('\n\f\n');

  beforeAll(async () => {
    ({ f, november, december, ids, lateTx } = await startInvoiceFixture(backend, plan));
  });
  afterAll(async () => f?.service.close());

  it('sends the invoice as a PDF attachment: the configured plan and billing team, the statement, a member line, an adjustment with its TX- number, each page numbered', async () => {
    const res = await download(december, f.tokens.billing);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${december}.pdf"`);
    const pages = await pagesOf(res);
    expect(pages).toHaveLength(3);
    const [summary = '', lines = '', adjustments = ''] = pages;

    // November's total carried over, unpaid; three subscribers' premiums; the late one's November re-billed.
    const novemberTotal = PPO.EMP + PPO.ESP;
    expect(summary.split('\n')).toEqual(
      expect.arrayContaining([
        'Buckeye Mutual Health',
        `Invoice ${december}`,
        'Billing month December 2026',
        'Issued 11/27/2026',
        'Due 12/01/2026',
        `Previous balance ${formatUsd(novemberTotal)}`,
        'Payments received $0.00',
        `Current premiums ${formatUsd(novemberTotal + PPO.EMP)}`,
        `Adjustments ${formatUsd(PPO.EMP)}`,
        `Total due ${formatUsd(2 * novemberTotal + 2 * PPO.EMP)}`,
        '3 employees billed; 1 adjustment to earlier months.',
        'Questions about this invoice? Call Employer Billing Desk at 1-614-555-0199.',
      ]),
    );
    expect(lines).toContain('Member name Member ID Plan Tier Amount');
    expect(lines).toContain(`Dana L Whitfield ${ids.single} PPO 500 EMP $520.00`);
    expect(adjustments).toContain('Month Member Kind Amount Confirmation');
    expect(adjustments).toContain(`November 2026 Mo Brandt (${ids.late}) charge $520.00 ${lateTx}`);
    pages.forEach((page, i) => expect(page).toContain(`Invoice ${december} Page ${i + 1} of 3`));
  });

  it('embeds its fonts, so every viewer draws the glyphs its columns were measured with', async () => {
    const { fonts } = await pdfLayout(new Uint8Array(await (await download(december, f.tokens.billing)).arrayBuffer()));
    expect([...new Set(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')))].sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    expect(fonts.every((font) => font.embedded)).toBe(true);
  });

  it('runs a long invoice over many pages, read a thousand lines at a time, the header row on each page', async () => {
    // 2,100 more subscribers billed on November's invoice, written straight to the store: copies of
    // one member under IDs from 900000001, after the enrolled ones (enrolling each would take minutes).
    await f.service.db.execute(sql`
      INSERT INTO members
      SELECT (jsonb_populate_record(NULL::members, to_jsonb(m) || jsonb_build_object('member_id', (900000000 + g)::text, 'subscriber_id', (900000000 + g)::text, 'first_name', 'Bulk' || g, 'ssn_fingerprint', NULL))).*
      FROM members m, generate_series(1, 2100) g WHERE m.member_id = ${ids.single}`);
    await f.service.db.execute(sql`
      INSERT INTO invoice_lines (invoice_number, member_id, plan_code, tier, amount_cents)
      SELECT ${november}, (900000000 + g)::text, 'PPO-500', 'EMP', 52000 FROM generate_series(1, 2100) g`);

    const pages = await pagesOf(await download(november, f.tokens.read_only));
    // A summary page, 2,102 lines at 40 a page, one page saying there are no adjustments.
    const total = 1 + Math.ceil(2102 / 40) + 1;
    expect(pages).toHaveLength(total);
    pages.forEach((page, i) => expect(page).toContain(`Invoice ${november} Page ${i + 1} of ${total}`));
    const memberPages = pages.slice(1, -1);
    for (const page of memberPages) expect(page).toContain('Member name Member ID Plan Tier Amount');
    const memberIds = memberPages.flatMap((page) => [...page.matchAll(/ (9\d{8}) PPO 500 EMP \$520\.00/g)].map((m) => m[1]));
    expect(memberIds).toHaveLength(2100);
    expect(new Set(memberIds).size).toBe(2100);
    expect(memberIds[1000]).toBe('900001001');
    expect(pages.at(-1)).toContain('No adjustments this month.');
  });

  it('answers 404 for an unknown invoice and for another group’s, 403 for a user of another group', async () => {
    expect((await download(`INV-${GROUP}-202612-7KQ4M2`, f.tokens.billing)).status).toBe(404);
    const otherGroups = await download(december, f.tokens.other_group, '4002');
    expect(otherGroups.status).toBe(404);
    const outsider = await download(december, f.tokens.other_group);
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is in the OpenAPI document as a PDF for bearer callers', async () => {
    const doc = await f.service.api<{ paths: Record<string, { get?: { security?: unknown; responses: Record<string, { content?: Record<string, unknown> }> } }> }>('GET', '/v1/openapi.json');
    const route = doc.body.paths['/v1/groups/{groupNumber}/invoices/{invoiceNumber}/pdf']?.get;
    expect(route?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(route?.responses['200']?.content ?? {})).toEqual(['application/pdf']);
  });
});
