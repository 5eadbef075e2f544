import { useAnnouncer } from '../state/announcer';

/** The app's single polite live region; keyed by serial so a repeated message is announced again. */
export function LiveRegion() {
  const { message, serial } = useAnnouncer();
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      <span key={serial}>{message}</span>
    </div>
  );
}
