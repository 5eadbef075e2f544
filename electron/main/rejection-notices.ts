import type { CoreEvent } from '../../shared/contract';

/**
 * Watches sync status for newly rejected changes and tells the user when they are not looking at the
 * app — DESIGN.md (Sync): a rejection keeps the user's input for correction and raises a notification.
 * Only a count is shown, never whose change it was (no PII in the OS notification history).
 */
export function rejectionNotices(show: (title: string, body: string) => void, appFocused: () => boolean): (event: CoreEvent) => void {
  let lastRejected = 0;
  return (event) => {
    if (event.type !== 'sync.status') return;
    const added = event.rejected - lastRejected;
    lastRejected = event.rejected;
    if (added <= 0 || appFocused()) return;
    show('GroupDesk: changes need your attention', added === 1 ? 'The health plan rejected 1 change. Open GroupDesk to correct and resend it.' : `The health plan rejected ${added} changes. Open GroupDesk to correct and resend them.`);
  };
}
