/**
 * How a payment is spread over a group's open invoices: oldest first, each up to what is still open
 * on it, so a partial payment clears the oldest balance before touching the newest. Whatever is left
 * after every open invoice is covered is refused by the caller (no credit balances), not allocated.
 */
export interface OpenInvoice {
  invoiceNumber: string;
  periodStart: string;
  /** What is still owed on it: its amount less what earlier payments allocated to it. */
  openCents: number;
}

export interface Allocation {
  invoiceNumber: string;
  amountCents: number;
}

export function allocateOldestFirst(amountCents: number, open: readonly OpenInvoice[]): { allocations: Allocation[]; unallocatedCents: number } {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new RangeError('A payment is a positive whole number of cents');
  const oldestFirst = [...open].filter((i) => i.openCents > 0).sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.invoiceNumber.localeCompare(b.invoiceNumber));
  const allocations: Allocation[] = [];
  let left = amountCents;
  for (const invoice of oldestFirst) {
    if (left === 0) break;
    const part = Math.min(left, invoice.openCents);
    allocations.push({ invoiceNumber: invoice.invoiceNumber, amountCents: part });
    left -= part;
  }
  return { allocations, unallocatedCents: left };
}
