const tabbableSelector =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The Tab stops inside `root` in document order, a radio group counting once (its checked radio, or its first). */
export function tabStops(root: Element): HTMLElement[] {
  const stops: HTMLElement[] = [];
  const groups = new Set<string>();
  for (const el of root.querySelectorAll<HTMLElement>(tabbableSelector)) {
    if (el.closest('[hidden], [inert]')) continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      if (groups.has(el.name)) continue;
      groups.add(el.name);
      const checked = root.querySelector<HTMLInputElement>(`input[type="radio"][name="${el.name}"]:checked`);
      stops.push(checked ?? el);
    } else stops.push(el);
  }
  return stops;
}

/** A radio stands for its group's stop. */
function stopOf(el: Element | null, stops: HTMLElement[]): number {
  if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) return stops.findIndex((s) => s instanceof HTMLInputElement && s.type === 'radio' && s.name === el.name);
  return stops.indexOf(el as HTMLElement);
}

/**
 * Keeps Tab going round the step's popover and its highlighted control (the rest of the page is inert
 * to the pointer during a step, so it is to the keyboard too). Inside either, Tab is the browser's own;
 * only the jumps between them are made here. This replaces driver.js's trap, which knows only a few
 * input types and would skip date, e-mail and search fields. Returns the uninstaller.
 */
export function installTourTabbing(popover: () => Element | null, target: () => Element | null): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    e.stopImmediatePropagation();
    const p = popover();
    const t = target();
    if (!p) return;
    const stops = [...tabStops(p), ...(t ? tabStops(t) : [])];
    if (stops.length === 0) return;
    const at = stopOf(document.activeElement, stops);
    const inPopover = p.contains(document.activeElement);
    const popoverStops = tabStops(p).length;
    let next: number | null;
    if (at === -1) next = 0;
    else if (e.shiftKey) next = at === 0 ? stops.length - 1 : at === popoverStops ? popoverStops - 1 : null;
    else next = at === stops.length - 1 ? 0 : inPopover && at === popoverStops - 1 ? popoverStops : null;
    if (next === null) return;
    e.preventDefault();
    stops[next]?.focus();
  };
  window.addEventListener('keydown', onKeyDown, true);
  return () => window.removeEventListener('keydown', onKeyDown, true);
}
