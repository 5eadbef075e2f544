import { useEffect, useRef, type ReactNode } from 'react';

/**
 * What a finished form turns into (a request received, a sign-up done). Its heading takes focus,
 * so a screen reader reads the outcome and the keyboard continues from it.
 */
export function OutcomeCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card access-received" aria-labelledby={id}>
      <h2 id={id} className="card-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
