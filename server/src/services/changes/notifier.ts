import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { z } from 'zod';
import { accountAnnouncement, type AccountAnnouncement } from '@shared/plan-api/accounts';
import type { Backend, Db } from '../../store/db';
import { changesChannel } from './append';

/**
 * Announces new sequence numbers of each group's change feed, changes to a user's own access, and
 * ended sessions to this instance's SSE streams. The writers `pg_notify` inside their transaction
 * (services/changes/append.ts, services/accounts/announce.ts), so an announcement is made exactly
 * when a change commits — on PostgreSQL to every instance of the service listening on the database,
 * on PGlite within the one process that owns it.
 */
export interface ChangeNotifier {
  /** Calls `listener` with each new head sequence of the group; returns the unsubscribe function. */
  subscribe(groupNumber: string, listener: (seq: number) => void): Promise<() => void>;
  /** Calls `listener` with the reason each time the user's access changes; returns the unsubscribe function. */
  subscribeUser(userId: string, listener: (reason: AccountAnnouncement['reason']) => void): Promise<() => void>;
  /** Calls `listener` once the session ends (signed out, or by a password change); returns the unsubscribe function. */
  subscribeSessionEnd(sessionId: string, listener: () => void): Promise<() => void>;
  close(): Promise<void>;
}

type Unlisten = () => Promise<void>;

const feedPayload = z.object({ g: z.string(), s: z.coerce.number() });
const userPayload = z.object({ u: z.string(), r: accountAnnouncement.shape.reason });
const sessionEndPayload = z.object({ e: z.string() });
const groupEvent = (groupNumber: string): string => `g:${groupNumber}`;
const userEvent = (userId: string): string => `u:${userId}`;
const sessionEndEvent = (sessionId: string): string => `e:${sessionId}`;

export function createChangeNotifier(db: Db, backend: Backend): ChangeNotifier {
  const events = new EventEmitter();
  // One SSE stream per listener; a busy group may have many administrators watching.
  events.setMaxListeners(0);
  let listening: Promise<Unlisten> | null = null;

  // Group numbers and user IDs can both be all digits: each kind has its own event names.
  const onPayload = (payload: string | undefined): void => {
    if (!payload) return;
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return; // Someone else's NOTIFY on our channel: nothing to announce.
    }
    const feed = feedPayload.safeParse(message);
    if (feed.success) events.emit(groupEvent(feed.data.g), feed.data.s);
    const user = userPayload.safeParse(message);
    if (user.success) events.emit(userEvent(user.data.u), user.data.r);
    const ended = sessionEndPayload.safeParse(message);
    if (ended.success) events.emit(sessionEndEvent(ended.data.e));
  };

  // A dropped LISTEN connection is replaced at once, so open streams keep hearing of new changes.
  const onLost = (): void => {
    listening = events.eventNames().length > 0 ? start() : null;
    listening?.catch(() => (listening = null));
  };
  const start = (): Promise<Unlisten> => (backend === 'pglite' ? listenPglite(db, onPayload) : listenPostgres(db, onPayload, onLost));

  const on = async <T>(event: string, listener: (value: T) => void): Promise<() => void> => {
    listening ??= start();
    await listening;
    events.on(event, listener);
    return () => void events.off(event, listener);
  };

  return {
    subscribe: (groupNumber, listener) => on(groupEvent(groupNumber), listener),
    subscribeUser: (userId, listener) => on(userEvent(userId), listener),
    subscribeSessionEnd: (sessionId, listener) => on(sessionEndEvent(sessionId), listener),
    async close() {
      events.removeAllListeners();
      const current = listening;
      listening = null;
      if (current) await (await current)();
    },
  };
}

/** Drizzle keeps the driver's client as `$client`: a PGlite instance or a pg Pool. */
function clientOf<T>(db: Db): T {
  return (db as unknown as { $client: T }).$client;
}

async function listenPglite(db: Db, onPayload: (payload: string) => void): Promise<Unlisten> {
  const unlisten = await clientOf<PGlite>(db).listen(changesChannel, onPayload);
  return () => unlisten();
}

/** A dedicated pooled connection holds the LISTEN for the life of the service. */
async function listenPostgres(db: Db, onPayload: (payload: string) => void, onLost: () => void): Promise<Unlisten> {
  const client = await clientOf<pg.Pool>(db).connect();
  // The connection can fail after it went back to the pool (a database dropped or restarted just as
  // the service closes): it is released once only, and a loss after closing replaces nothing.
  let released = false;
  const release = (destroy: boolean): boolean => {
    if (released) return false;
    released = true;
    client.release(destroy);
    return true;
  };
  client.on('notification', (message) => onPayload(message.payload ?? ''));
  client.once('error', () => {
    if (release(true)) onLost();
  });
  await client.query(`LISTEN ${changesChannel}`);
  return async () => {
    await client.query(`UNLISTEN ${changesChannel}`).catch(() => undefined);
    release(false);
  };
}
