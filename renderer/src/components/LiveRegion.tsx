import { useAnnouncer } from '../state/announcer';

/**
 * The app's polite live regions, each keyed by serial so a repeated message is announced again. Context
 * changes go in a log: a region of its own, read after (not instead of) what a page announces.
 */
export function LiveRegion() {
  const { message, serial, context } = useAnnouncer();
  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        <span key={serial}>{message}</span>
      </div>
      <div className="visually-hidden" role="log" aria-live="polite" aria-label="Where you are">
        <span key={context.serial}>{context.message}</span>
      </div>
    </>
  );
}
