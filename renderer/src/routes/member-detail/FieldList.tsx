import type { ReactNode } from 'react';

/** Label/value pairs as a description list, so screen readers pair each value with its label. */
export function FieldList({ children }: { children: ReactNode }) {
  return <dl className="fields">{children}</dl>;
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
