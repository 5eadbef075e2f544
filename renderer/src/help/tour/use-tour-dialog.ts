import { useTourStore } from './tour-store';

/**
 * Props for a Radix dialog a tour step can point into. While a tour runs the dialog is not modal:
 * a modal one would keep the focus in itself, hide the tour's popover from screen readers and close
 * when the popover is clicked. The tour makes the page around the dialog inert itself.
 */
export function useTourDialog(): { modal: boolean; onInteractOutside: (e: { target: EventTarget | null; preventDefault: () => void }) => void } {
  const touring = useTourStore((s) => s.active !== null);
  return {
    modal: !touring,
    onInteractOutside: (e) => {
      if (e.target instanceof Element && e.target.closest('.tour-popover, .tour-bar')) e.preventDefault();
    },
  };
}
