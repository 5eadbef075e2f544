import { Temporal } from 'temporal-polyfill';
import type { CoreEvent } from '@shared/contract/events';
import type { PlanConnection } from '../sync/plan-connection';
import type { StoreSession } from './store-session';

export interface CoreRuntime {
  readonly session: StoreSession;
  /** The plan service the replica follows, the session with it and the sync engine. */
  readonly plan: PlanConnection;
  readonly mode: 'sandbox' | 'remote';
  readonly appVersion: string;
  today(): string;
  now(): string;
  /** Sends the outbox now: the transactions module calls it after committing a submit or a cancel. */
  requestSync(): void;
  /**
   * Delivers an event at once, for a change that stands although the call reporting it fails (the
   * fifth wrong password at the lock signs out, then answers AUTH). Otherwise handlers use `emit`.
   */
  publish(event: CoreEvent): void;
}

/** Today in the user's time zone: coverage starts and ends on their calendar, not UTC's. */
export function clockToday(fixed: string | undefined): () => string {
  return fixed === undefined ? () => Temporal.Now.plainDateISO().toString() : () => fixed;
}
