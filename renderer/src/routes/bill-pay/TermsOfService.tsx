import type { TermsOfService as Terms } from '@shared/plan-api/bill-pay';
import { formatDate } from '../../components/format';

/**
 * The terms to accept, whole, in a box that scrolls by keyboard too: a named, focusable region
 * (WCAG 2.1.1), titled by the terms' own title, with the version the acceptance will record.
 */
export function TermsOfService({ terms }: { terms: Terms }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take focus to scroll by keyboard
    <section className="terms" aria-labelledby="terms-title" tabIndex={0}>
      <h2 id="terms-title" className="card-title">
        {terms.title}
      </h2>
      <p className="muted">
        Version {terms.version}, in effect from {formatDate(terms.effectiveOn)}
      </p>
      {terms.text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </section>
  );
}
