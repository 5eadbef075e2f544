import type { ReactNode } from 'react';
import type { ContractError } from '@shared/contract';

/** A failed load: what went wrong in the core's own words (written to be shown) and a way to retry. */
export function ErrorState({ title, error, onRetry }: { title: string; error: ContractError; onRetry?: () => void }) {
  return (
    <div className="state-panel state-error" role="alert">
      <h2 className="state-title">{title}</h2>
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state-panel">
      <h2 className="state-title">{title}</h2>
      {children}
    </div>
  );
}
