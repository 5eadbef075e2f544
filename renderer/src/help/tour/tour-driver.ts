import { driver, type Driver, type PopoverDOM } from 'driver.js';
import 'driver.js/dist/driver.css';
import './tour.css';

export interface TourStepView {
  title: string;
  body: string;
  /** "Step 3 of 9". */
  progress: string;
  /** "Next", "Done" on a last step, "Go to it" where the user acts on the control. */
  primaryLabel: string;
  onPrimary: () => void;
  /** Absent where there is no step to go back to on this screen. */
  onBack?: () => void;
  onLeave: () => void;
}

let instance: Driver | null = null;

/**
 * One driver.js instance for the app. Its own keyboard handling and close button are off: the tour's
 * buttons and Escape (on the popover) do that, so leaving keeps the step to resume at. Clicks on the
 * dimmed page do nothing: only the highlighted control and the popover take input during a step.
 */
function tourDriver(): Driver {
  instance ??= driver({
    animate: false,
    allowClose: false,
    allowKeyboardControl: false,
    overlayClickBehavior: () => undefined,
    overlayOpacity: 0.55,
    stagePadding: 6,
    stageRadius: 8,
    popoverOffset: 8,
    popoverClass: 'tour-popover',
  });
  return instance;
}

/** driver.js writes titles and bodies as HTML: tutorial text is words, never markup. */
const asText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

/**
 * The popover as a screen reader needs it: a dialog named by its title and described by its body
 * (driver.js sets those three), the progress in words, our buttons, and Escape to leave. Returns the
 * primary button, which takes the focus once the step is shown.
 */
function dress(popover: PopoverDOM, view: TourStepView): HTMLButtonElement {
  popover.wrapper.setAttribute('aria-modal', 'false');
  popover.closeButton.remove();
  const primary = button(view.primaryLabel, 'button button-primary tour-primary', view.onPrimary);
  popover.footerButtons.replaceChildren(
    ...(view.onBack ? [button('Back', 'button', view.onBack)] : []),
    button('Leave the tour', 'button button-ghost', view.onLeave),
    primary,
  );
  popover.wrapper.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    view.onLeave();
  });
  return primary;
}

/** Highlights `target` with the step's popover and moves the focus to the popover's primary button. */
export function showTourStep(target: HTMLElement, view: TourStepView): void {
  // Set by the render hook, which driver.js calls before highlight() returns.
  const rendered: { primary: HTMLButtonElement | null } = { primary: null };
  tourDriver().highlight({
    element: target,
    popover: {
      title: asText(view.title),
      description: asText(view.body),
      showButtons: [],
      showProgress: true,
      progressText: view.progress,
      side: 'bottom',
      align: 'start',
      onPopoverRender: (popover) => {
        rendered.primary = dress(popover, view);
      },
    },
  });
  rendered.primary?.focus();
}

/** Fits the highlight to the control again, after it grew or shrank (an error summary, a new field). */
export function refitTourStep(): void {
  instance?.refresh();
}

/** Removes the highlight and popover; driver.js gives the focus back to where it was before the step. */
export function endTourStep(): void {
  instance?.destroy();
}

/** Where "Go to it" puts the focus: the control itself, or the first thing to fill in inside it. */
export function focusTourTarget(target: HTMLElement): void {
  const focusable = target.matches('a[href], button, input, select, textarea, [tabindex]')
    ? target
    : target.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])');
  (focusable ?? target).focus();
}
