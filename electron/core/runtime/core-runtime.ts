import { Temporal } from 'temporal-polyfill';
import type { StoreSession } from './store-session';

export interface CoreRuntime {
  readonly session: StoreSession;
  readonly mode: 'sandbox' | 'remote';
  readonly appVersion: string;
  today(): string;
  now(): string;
  /** Loads the sandbox data set when sandbox mode is on and the store is empty. */
  seedIfEmpty(): void;
}

/** Today in the user's time zone: coverage starts and ends on their calendar, not UTC's. */
export function clockToday(fixed: string | undefined): () => string {
  return fixed === undefined ? () => Temporal.Now.plainDateISO().toString() : () => fixed;
}
