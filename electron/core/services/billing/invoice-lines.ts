import { ContractFailure } from '@shared/contract';
import type { invoiceLineSortColumns, InvoiceLineRow } from '@shared/contract/methods/billing';
import type { CoverageTier } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { latestDisputesByMember } from '../../store/repositories/billing-cache-repository';
import { planNames } from '../../store/repositories/groups-repository';
import { findInvoice } from '../../store/repositories/invoices-repository';
import { statement } from '../../store/statements';
import type { Store } from '../../store/store';
import { cachedCount } from '../members/count-cache';

export type InvoiceLineSort = { by: (typeof invoiceLineSortColumns)[number]; dir: 'asc' | 'desc' };

export interface InvoiceLinesQuery {
  groupNumber: string;
  invoiceNumber: string;
  query: string;
  sort: InvoiceLineSort;
  offset: number;
  limit: number;
  /** Dependents come from the local roster, only for a role that reads members. */
  withDependents: boolean;
}

/**
 * Each sort's ORDER BY, written to match one index of invoice_lines (0010_invoices) column for
 * column, so the first page of a 250,000-line invoice walks the index instead of sorting the lines.
 * Every order ends on member_id, so pages never overlap or skip a line.
 */
const orderBy: Record<InvoiceLineSort['by'], readonly string[]> = {
  memberName: ['member_name', 'member_id'],
  memberId: ['member_id'],
  planCode: ['plan_code', 'member_name', 'member_id'],
  tier: ['tier', 'member_name', 'member_id'],
  amountCents: ['amount_cents', 'member_id'],
};

/** Case-insensitive substring of the name as billed or the member ID (LIKE ignores ASCII case). */
const searched = `AND (member_name LIKE @pattern ESCAPE '\\' OR member_id LIKE @pattern ESCAPE '\\')`;

/** The page's SQL: constant fragments only, chosen by the sort and whether there is a search. */
export function linesSql(sort: InvoiceLineSort, search: boolean): string {
  const order = orderBy[sort.by].map((column) => `${column} ${sort.dir === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
  return `SELECT member_id AS memberId, member_name AS memberName, plan_code AS planCode, tier, amount_cents AS amountCents
    FROM invoice_lines WHERE invoice_number = @invoiceNumber ${search ? searched : ''}
    ORDER BY ${order} LIMIT @limit OFFSET @offset`;
}

const likePattern = (query: string): string => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface LineRecord {
  memberId: string;
  memberName: string;
  planCode: string;
  tier: CoverageTier;
  amountCents: number;
}

/** One page of an invoice's member lines with the totals of every line the search matches. */
export function invoiceLinesPage(store: Store, q: InvoiceLinesQuery): { total: number; totalCents: number; rows: InvoiceLineRow[] } {
  const { db } = store;
  const invoice = findInvoice(db, q.groupNumber, q.invoiceNumber);
  if (invoice === null) throw new ContractFailure('NOT_FOUND', `Group ${q.groupNumber} has no invoice ${q.invoiceNumber} on this computer.`);
  const search = q.query !== '';
  const filter = { invoiceNumber: q.invoiceNumber, ...(search ? { pattern: likePattern(q.query) } : {}) };
  const where = `FROM invoice_lines WHERE invoice_number = @invoiceNumber ${search ? searched : ''}`;
  // The totals stay the same while the user scrolls or re-sorts: counted once per change of the store.
  const total = cachedCount(db, `SELECT count(*) ${where}`, filter);
  const totalCents = cachedCount(db, `SELECT coalesce(sum(amount_cents), 0) ${where}`, filter);
  const lines = statement(db, linesSql(q.sort, search)).all({ ...filter, limit: q.limit, offset: q.offset }) as LineRecord[];
  const names = new Map(planNames(db, q.groupNumber).map((p) => [p.code, p.name]));
  const ids = lines.map((l) => l.memberId);
  const disputes = latestDisputesByMember(db, q.invoiceNumber, ids);
  const dependents = q.withDependents ? coveredDependents(store, ids, invoice.periodStart) : new Map<string, InvoiceLineRow['dependents']>();
  const rows = lines.map(
    (l): InvoiceLineRow => ({
      ...l,
      planName: names.get(l.planCode) ?? l.planCode,
      dependents: dependents.get(l.memberId) ?? [],
      dispute: disputes.get(l.memberId) ?? null,
    }),
  );
  return { total, totalCents, rows };
}

/** The subscribers' dependents on the local roster who were covered on the first day of the month billed. */
function coveredDependents(store: Store, subscriberIds: readonly string[], periodStart: string): Map<string, InvoiceLineRow['dependents']> {
  const rows = statement(
    store.db,
    `SELECT d.subscriber_id AS subscriberId, d.member_id AS memberId, concat_ws(' ', d.first_name, substr(d.middle_name, 1, 1), d.last_name, d.suffix) AS name,
       d.relationship
     FROM members d
     WHERE d.subscriber_id IN (SELECT value FROM json_each(@ids)) AND d.relationship <> 'subscriber'
       AND EXISTS (SELECT 1 FROM coverage_periods c WHERE c.member_ref = d.id AND c.start_date <= @period AND (c.end_date IS NULL OR c.end_date >= @period))
     ORDER BY d.subscriber_id, d.member_id`,
  ).all({ ids: JSON.stringify(subscriberIds), period: periodStart }) as { subscriberId: string; memberId: string; name: string; relationship: Relationship }[];
  const families = new Map<string, InvoiceLineRow['dependents']>();
  for (const { subscriberId, ...dependent } of rows) {
    const family = families.get(subscriberId) ?? [];
    family.push(dependent);
    families.set(subscriberId, family);
  }
  return families;
}
