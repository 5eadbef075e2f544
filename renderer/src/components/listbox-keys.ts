import { useRef } from 'react';
import type { KeyboardEvent } from 'react';

/** How long typed letters keep adding to one search, as in native selects. */
const typeAheadPauseMs = 600;

/**
 * The keyboard of a single-select listbox that keeps focus on itself and points at its active option
 * with `aria-activedescendant`: arrows, Home/End, type-ahead on each option's label, Enter or Space to choose.
 * Escape and Tab are left to the popover around it, which closes and hands focus back.
 */
export function useListboxKeys({
  labels,
  active,
  setActive,
  choose,
}: {
  labels: string[];
  active: number;
  setActive: (index: number) => void;
  choose: (index: number) => void;
}) {
  const typed = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const typeAhead = (letter: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => (typed.current = ''), typeAheadPauseMs);
    typed.current += letter.toLocaleLowerCase();
    const search = typed.current;
    // Repeating one letter cycles through the options starting with it; a longer search stays put while it still matches.
    const repeat = search.length > 1 && [...search].every((c) => c === search[0]);
    const start = search.length === 1 || repeat ? active + 1 : active;
    const needle = repeat ? search[0]! : search;
    for (let step = 0; step < labels.length; step++) {
      const index = (start + step) % labels.length;
      if (labels[index]!.toLocaleLowerCase().startsWith(needle)) return setActive(index);
    }
  };

  return (e: KeyboardEvent) => {
    const last = labels.length - 1;
    const printable = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
    // Any other key (an arrow, Escape) ends the search, so reopening the list starts a new one.
    if (!printable) typed.current = '';
    if (e.key === 'ArrowDown') setActive(Math.min(active + 1, last));
    else if (e.key === 'ArrowUp') setActive(Math.max(active - 1, 0));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(last);
    else if (e.key === 'Enter' || (e.key === ' ' && typed.current === '')) choose(active);
    else if (printable) typeAhead(e.key);
    else return;
    e.preventDefault();
  };
}
