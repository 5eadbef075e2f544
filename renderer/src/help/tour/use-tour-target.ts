import { useSyncExternalStore } from 'react';

/**
 * The element marked `data-tour="<name>"` (a slug, so it needs no escaping), unless it is hidden or
 * behind a modal dialog (which marks the rest of the page aria-hidden): the user could not reach it.
 */
export function findTourTarget(name: string): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-tour="${name}"]`)) {
    if (!el.closest('[hidden], [aria-hidden="true"]')) return el;
  }
  return null;
}

/** Any change to the page's elements or to the attributes that hide or name them. */
export function subscribeToPage(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-tour', 'hidden', 'aria-hidden'] });
  return () => observer.disconnect();
}

/**
 * The element a tour step points at, followed as the page changes: it appears when a route or a wizard
 * step renders it and goes when it is removed. A MutationObserver (not a timer) notices both, so a step
 * waits for as long as the next screen takes to load. `null` name: nothing to follow.
 */
export function useTourTarget(name: string | null): HTMLElement | null {
  return useSyncExternalStore(subscribeToPage, () => (name ? findTourTarget(name) : null));
}
