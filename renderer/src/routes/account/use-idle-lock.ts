import { useEffect } from 'react';
import { useApi } from '../../api/ApiProvider';
import { useStatusStore } from '../../state/status-store';

/** Anything a person at the computer does; `pointermove` covers a mouse that only moves. */
const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Ctrl+Shift+L (⌘⇧L on a Mac) locks at once; plain Ctrl+L belongs to the browser's address bar. */
export const lockShortcut = { keys: 'Control+Shift+L Meta+Shift+L', label: 'Ctrl+Shift+L' };
const isLockShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l';

/**
 * The inactivity timer of the screen lock. The core keeps the setting and the lock; the window knows
 * when the user last did something, so it runs the clock and asks the core to lock. Only while
 * signed in to a plan service (the sandbox has no password to unlock with) and not already locked.
 */
export function useIdleLock(): void {
  const api = useApi();
  const setSession = useStatusStore((s) => s.setSession);
  const minutes = useStatusStore((s) => {
    const session = s.session;
    return session !== null && session.mode === 'remote' && session.user !== null && !session.locked ? session.autoLockMinutes : null;
  });

  useEffect(() => {
    if (minutes === null) return;
    const lock = () =>
      void api.call('session.lock', {}).then((result) => {
        if (result.ok) setSession(result.value);
      });
    const onShortcut = (e: KeyboardEvent) => {
      if (!isLockShortcut(e)) return;
      e.preventDefault();
      lock();
    };
    window.addEventListener('keydown', onShortcut);
    if (minutes === 0) return () => window.removeEventListener('keydown', onShortcut);

    const limit = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    // One timer, re-armed for the time left when it fires, instead of a reset on every mouse move.
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limit) lock();
      else timer = setTimeout(check, limit - idle);
    };
    const touch = () => {
      last = Date.now();
    };
    for (const type of activity) window.addEventListener(type, touch, { capture: true, passive: true });
    timer = setTimeout(check, limit);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onShortcut);
      for (const type of activity) window.removeEventListener(type, touch, { capture: true });
    };
  }, [minutes, api, setSession]);
}
