import { formatCount } from '../../components/format';

/** Previous and next page of a long table, with where the page sits in the whole. */
export function BillingPager({ label, page, pageSize, total, onPage }: { label: string; page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  if (total <= pageSize) return null;
  const from = page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span className="muted tabular">
        {formatCount(from)}–{formatCount(to)} of {formatCount(total)}
      </span>
      <button type="button" className="button" disabled={to >= total} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}
