import type { Rectangle } from 'electron';
import type { WindowBounds } from './settings';

/** How much of a saved window must still be on a display for its position to be reused. */
const MIN_VISIBLE = 100;

/**
 * The saved bounds, dropping the saved position when the window would open (mostly) off every
 * display — a monitor that was unplugged, or a resolution that shrank. Size is kept; the OS then
 * centres the window. `workAreas` come from `screen.getAllDisplays()`, available only after ready.
 */
export function placeOnDisplays(saved: WindowBounds, workAreas: readonly Rectangle[]): WindowBounds {
  if (saved.x === undefined || saved.y === undefined) return saved;
  const { x, y } = saved;
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(x + saved.width, area.x + area.width) - Math.max(x, area.x);
    const overlapY = Math.min(y + saved.height, area.y + area.height) - Math.max(y, area.y);
    return overlapX >= MIN_VISIBLE && overlapY >= MIN_VISIBLE;
  });
  return visible ? saved : { width: saved.width, height: saved.height, maximized: saved.maximized };
}
