import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways in a narrow window or at 200% zoom. A scrolling box must be
 * reachable by keyboard, or its hidden columns are out of reach for keyboard users (WCAG 2.1.1,
 * axe `scrollable-region-focusable`), so it is a named, focusable region.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take focus to scroll by keyboard
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
