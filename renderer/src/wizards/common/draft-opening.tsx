import type { ReactNode } from 'react';
import type { ContractError } from '@shared/contract';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';

/**
 * What a wizard shows instead of its form while a resumed draft loads (a skeleton under the wizard's
 * title, never an empty form the user might start typing into) or when it cannot be opened; null once
 * the draft is ready or when there is none.
 */
export function draftOpening(draft: { loading: boolean; loadError: ContractError | null }, title: string, lines = 4): ReactNode {
  if (draft.loadError) return <ErrorState title="This draft could not be opened" error={draft.loadError} />;
  if (!draft.loading) return null;
  return (
    <div className="page">
      <h1 className="page-title">{title}</h1>
      <SkeletonBlock label="Opening your draft…" lines={lines} />
    </div>
  );
}
