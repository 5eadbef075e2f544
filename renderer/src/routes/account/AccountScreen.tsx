import type { ReactNode } from 'react';
import './account.css';

/**
 * The frame of the screens shown before or instead of the app (Welcome, sign-in, registration,
 * verification, the lock): the brand, one card, and a main landmark for the skip-less page.
 */
export function AccountScreen({ title, intro, children, wide }: { title: string; intro?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <div className="account-screen">
      <main id="main" tabIndex={-1} className={`account-card${wide ? ' is-wide' : ''}`}>
        <div className="account-brand" aria-hidden="true">
          <span className="brand-mark">G</span>
          <span className="account-brand-name">GroupDesk</span>
        </div>
        <h1 className="account-title">{title}</h1>
        {intro && <div className="account-intro">{intro}</div>}
        {children}
      </main>
    </div>
  );
}
