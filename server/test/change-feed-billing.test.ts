import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesPage } from '@shared/plan-api/changes';
import { backends } from '../test-support/backends';
import { enrollment, path, type EligibilityFixture } from './eligibility-support';
import { startInvoiceFixture, type InvoiceFixture } from './invoice-fixture';

const invoiceKinds = ['invoice', 'invoice_line', 'invoice_adjustment'];

/**
 * A billing user's desktop pulls the feed for invoices: it gets the invoice entries, each line with
 * the subscriber's name as billed, and never a member, coverage, transaction or user entry; its
 * cursor still moves past what it may not read, so following `nextAfter` ends at the head.
 */
describe.each(backends())('the change feed for a billing user (%s)', (backend) => {
  let f: EligibilityFixture;
  let fixture: InvoiceFixture;

  beforeAll(async () => {
    fixture = await startInvoiceFixture(backend);
    f = fixture.f;
  });
  afterAll(async () => f?.service.close());

  const page = async (token: string, after: number, limit: number) => {
    const res = await f.get<ChangesPage>(path(`/changes?after=${after}&limit=${limit}`), token);
    expect(res.status).toBe(200);
    return res.body;
  };

  /** Every page from the start, as the desktop follows them. */
  async function follow(token: string, limit: number): Promise<ChangesPage[]> {
    const pages: ChangesPage[] = [];
    let after = 0;
    for (;;) {
      const next = await page(token, after, limit);
      pages.push(next);
      expect(next.nextAfter).toBeGreaterThanOrEqual(after);
      if (!next.hasMore) return pages;
      expect(next.nextAfter).toBeGreaterThan(after);
      after = next.nextAfter;
    }
  }

  it('sends a billing user the invoices, their lines and adjustments with the names as billed, and nothing of the members', async () => {
    const all = await page(f.tokens.primary_admin, 0, 10_000);
    expect(new Set(all.changes.map((c) => c.entity))).toEqual(new Set(['member', 'coverage', 'transaction', 'user', ...invoiceKinds]));

    const billed = await page(f.tokens.billing, 0, 10_000);
    expect(billed.changes.map((c) => c.seq)).toEqual(all.changes.filter((c) => invoiceKinds.includes(c.entity)).map((c) => c.seq));
    expect(billed).toMatchObject({ headSeq: all.headSeq, nextAfter: all.headSeq, hasMore: false });
    // How many members the group has is the members' business too.
    expect(all.memberTotal).toBeGreaterThan(0);
    expect(billed.memberTotal).toBeUndefined();
    const lines = billed.changes.flatMap((c) => (c.entity === 'invoice_line' ? [c.payload] : []));
    expect(lines.filter((l) => l.invoiceNumber === fixture.november).map((l) => [l.memberId, l.memberName]).sort()).toEqual(
      [
        [fixture.ids.single, 'Dana L Whitfield'],
        [fixture.ids.couple, 'Ada Okafor'],
      ].sort(),
    );
    const adjustments = billed.changes.flatMap((c) => (c.entity === 'invoice_adjustment' ? [c.payload] : []));
    expect(adjustments).toEqual([expect.objectContaining({ invoiceNumber: fixture.december, memberId: fixture.ids.late, memberName: 'Mo Brandt', confirmationNumber: fixture.lateTx })]);
  });

  it('moves a billing user’s cursor past the entries it may not read, so paging ends at the head', async () => {
    const head = (await page(f.tokens.primary_admin, 0, 1)).headSeq;
    const pages = await follow(f.tokens.billing, 2);
    const entries = pages.flatMap((p) => p.changes);
    expect(entries.every((c) => invoiceKinds.includes(c.entity))).toBe(true);
    expect(entries.map((c) => c.seq)).toEqual((await page(f.tokens.billing, 0, 10_000)).changes.map((c) => c.seq));
    expect(pages.at(-1)?.nextAfter).toBe(head);
    // Full pages end at their last entry, so nothing between two pages is skipped.
    for (const p of pages.slice(0, -1)) expect(p.nextAfter).toBe(p.changes.at(-1)?.seq);
  });

  it('answers a page with no invoice entry by jumping to the head, never the same cursor again', async () => {
    const before = (await page(f.tokens.billing, 0, 10_000)).headSeq;
    const enrolled = await f.post(path('/enrollments'), enrollment(f.today));
    expect(enrolled.status).toBe(201);
    const after = await page(f.tokens.billing, before, 1);
    expect(after.changes).toEqual([]);
    expect(after.headSeq).toBeGreaterThan(before);
    expect(after).toMatchObject({ nextAfter: after.headSeq, hasMore: false });
  });

  it('refuses a user without a role in the group', async () => {
    const res = await f.get(path('/changes?after=0'), f.tokens.other_group);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN' });
  });
});
