import type { ReactNode } from 'react';

/** One block of the review step: what will be sent, with a way back to the step that set it. */
export function ReviewSection({ title, onChange, children }: { title: string; onChange?: () => void; children: ReactNode }) {
  return (
    <section className="wz-review-section" aria-label={title}>
      <h3>
        {title}
        {onChange && (
          <button type="button" className="link-button" onClick={onChange} aria-label={`Change ${title.toLowerCase()}`}>
            Change
          </button>
        )}
      </h3>
      <dl className="fields">{children}</dl>
    </section>
  );
}

/** A label/value pair; an empty value reads "Not given" rather than leaving a gap. */
export function ReviewItem({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">Not given</span> : children}</dd>
    </div>
  );
}
