import './print-only.css';

/**
 * Prints one part of the screen instead of the whole window: the part is marked for the print
 * style sheet (print-only.css) while the print dialog is open, everything else is left off the
 * page. `window.print()` returns once the dialog is closed (Chromium and Electron wait), so the
 * mark comes off right after.
 */
export function printOnly(part: HTMLElement): void {
  document.body.dataset.printOnly = '';
  part.dataset.printTarget = '';
  try {
    window.print();
  } finally {
    delete document.body.dataset.printOnly;
    delete part.dataset.printTarget;
  }
}
