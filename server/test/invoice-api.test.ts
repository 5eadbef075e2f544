import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { InvoiceDetail, InvoiceList } from '@shared/plan-api/invoices';
import { invoices } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { HOUR } from '../test-support/clock';
import { OTHER_GROUP, path, type EligibilityFixture } from './eligibility-support';
import { PPO, startInvoiceFixture, type InvoiceFixture } from './invoice-fixture';

describe.each(backends())('the invoice API (%s)', (backend) => {
  let f: EligibilityFixture;
  let november = '';
  let december = '';
  let ids: InvoiceFixture['ids'];
  let lateTx = '';

  beforeAll(async () => {
    ({ f, november, december, ids, lateTx } = await startInvoiceFixture(backend));
  });
  afterAll(async () => f?.service.close());

  it('lists the group’s invoices newest first, past due once the due date has gone by on the service clock', async () => {
    const before = await f.get<InvoiceList>(path('/invoices'), f.tokens.billing);
    expect(before.status).toBe(200);
    expect(before.body.invoices.map((i) => [i.invoiceNumber, i.periodStart, i.dueDate, i.paymentStatus])).toEqual([
      [december, '2026-12-01', '2026-12-01', 'open'],
      [november, '2026-11-01', '2026-11-27', 'open'],
    ]);
    const novemberTotal = PPO.EMP + PPO.ESP;
    expect(before.body.invoices[1]).toMatchObject({ issuedOn: '2026-11-27', status: 'open', previousBalanceCents: 0, premiumsCents: novemberTotal, adjustmentsCents: 0, totalDueCents: novemberTotal });
    expect(before.body.invoices[0]).toMatchObject({ previousBalanceCents: novemberTotal, premiumsCents: novemberTotal + PPO.EMP, adjustmentsCents: PPO.EMP, totalDueCents: novemberTotal * 2 + PPO.EMP * 2 });

    // Into the plan's next day (UTC): November's due date is past.
    f.service.clock.advance(10 * HOUR);
    const after = await f.get<InvoiceList>(path('/invoices'), f.tokens.billing);
    expect(after.body.invoices.map((i) => i.paymentStatus)).toEqual(['open', 'past_due']);
    await f.service.db.update(invoices).set({ status: 'paid' }).where(eq(invoices.invoiceNumber, november));
    const paid = await f.get<InvoiceList>(path('/invoices'), f.tokens.billing);
    expect(paid.body.invoices.map((i) => [i.status, i.paymentStatus])).toEqual([
      ['open', 'open'],
      ['paid', 'paid'],
    ]);
    // A group without invoices: an empty list.
    expect((await f.get<InvoiceList>(path('/invoices', OTHER_GROUP), f.tokens.other_group)).body).toEqual({ invoices: [] });
  });

  it('shows an invoice’s statement, its lines with the member’s name and nothing else of the member, and its adjustments with their TX- numbers', async () => {
    const res = await f.get<InvoiceDetail>(path(`/invoices/${december}`), f.tokens.billing);
    expect(res.status).toBe(200);
    expect(res.body.invoice).toMatchObject({ invoiceNumber: december, periodStart: '2026-12-01', adjustmentsCents: PPO.EMP });
    expect(res.body.lines).toEqual([
      { invoiceNumber: december, memberId: ids.late, memberName: 'Mo Brandt', planCode: 'PPO-500', tier: 'EMP', amountCents: PPO.EMP },
      { invoiceNumber: december, memberId: ids.couple, memberName: 'Ada Okafor', planCode: 'PPO-500', tier: 'ESP', amountCents: PPO.ESP },
      { invoiceNumber: december, memberId: ids.single, memberName: 'Dana L Whitfield', planCode: 'PPO-500', tier: 'EMP', amountCents: PPO.EMP },
    ]);
    expect(res.body.adjustments).toEqual([
      { invoiceNumber: december, memberId: ids.late, memberName: 'Mo Brandt', periodStart: '2026-11-01', kind: 'charge', amountCents: PPO.EMP, planCode: 'PPO-500', tier: 'EMP', confirmationNumber: lateTx },
    ]);
    // Typed as on paper: case and spaces are forgiven, as at Bill Pay sign-up.
    const typed = await f.get<InvoiceDetail>(path(`/invoices/${encodeURIComponent(` ${december.toLowerCase()} `)}`), f.tokens.read_only);
    expect(typed.body.invoice.invoiceNumber).toBe(december);
  });

  it('answers 404 for an unknown invoice and for another group’s, and 400 for a malformed number', async () => {
    const unknown = await f.get(path('/invoices/INV-4001-202612-7KQ4M2'), f.tokens.billing);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: 'Group 4001 has no invoice INV-4001-202612-7KQ4M2.' } });
    const elsewhere = await f.get(path(`/invoices/${december}`, OTHER_GROUP), f.tokens.other_group);
    expect(elsewhere).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: `Group ${OTHER_GROUP} has no invoice ${december}.` } });
    const malformed = await f.get(path('/invoices/12345'), f.tokens.billing);
    expect(malformed).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { invoiceNumber: expect.stringContaining('INV-1001-202611-7KQ4M2') } } });
    // Another group's user: refused before anything about the invoice is looked up.
    expect((await f.get(path(`/invoices/${december}`), f.tokens.other_group)).status).toBe(403);
  });

  it('lists both routes in the OpenAPI document', async () => {
    const doc = await f.service.api<{ paths: Record<string, { get?: { security?: unknown } }> }>('GET', '/v1/openapi.json');
    for (const route of ['/v1/groups/{groupNumber}/invoices', '/v1/groups/{groupNumber}/invoices/{invoiceNumber}']) expect(doc.body.paths[route]?.get?.security).toEqual([{ bearer: [] }]);
  });
});
