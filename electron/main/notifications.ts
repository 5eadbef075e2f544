import { Notification } from 'electron';

/**
 * Notifications still on screen. A notification that is garbage-collected loses its click handler,
 * so each is held here until it is clicked, closed or fails.
 */
const live = new Set<Notification>();

export function liveNotificationCount(): number {
  return live.size;
}

/**
 * Shows an OS notification; false where the platform has none. Windows needs the AppUserModelId set
 * in index.ts (equal to electron-builder's appId) and a Start-menu shortcut; macOS needs a signed
 * build; Linux needs a notification daemon (docs/electron-host-rules.md#notifications). Never put PII in `title`/`body`:
 * they land in the OS notification history.
 */
export function notify(title: string, body: string, onClick?: () => void): boolean {
  if (!Notification.isSupported()) return false;
  const notification = new Notification({ title, body });
  const release = (): void => {
    live.delete(notification);
  };
  live.add(notification);
  notification.on('click', () => {
    onClick?.();
    release();
  });
  notification.on('close', release);
  notification.on('failed', (_event, error) => {
    console.warn('[notify] the notification was not shown:', error);
    release();
  });
  notification.show();
  return true;
}
