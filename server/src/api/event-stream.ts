import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { SessionIdentity } from '../services/accounts/sessions';
import type { ChangeNotifier } from '../services/changes/notifier';

/** One server-sent event. */
export const sseEvent = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export interface StreamOpening {
  /** The session that asked: the stream lives no longer than it does. */
  session: SessionIdentity;
  /**
   * Checks again that the caller may have the stream (throwing as the route's own check does). Run
   * once the stream is listening for the session's end, so a sign-out in between is not missed.
   */
  recheck: () => Promise<unknown>;
  /** Runs `recheck` again whenever the user's role changes (a group's stream): a refusal ends the stream. */
  recheckOnRoleChange?: boolean;
  /** Ends the route's own subscriptions. */
  unsubscribe: () => void;
  /** What to write as soon as the headers are out (asked for then, so it includes what arrived meanwhile). */
  first: () => string;
}

/**
 * The server-sent event streams of one route plugin: each is ended before the server closes (an
 * open stream would hold it open forever), kept alive with comment lines, and unsubscribed from its
 * announcements when the client goes. A stream also ends with the session that opened it — at once
 * when it is signed out or ended by a password change, at the first heartbeat past its expiry — so
 * a token that no longer works hears nothing more; the client's reconnect then gets the 401.
 */
export function eventStreams(app: { addHook(name: 'preClose', hook: () => Promise<void>): unknown }, deps: { notifier: ChangeNotifier; now: () => Date; heartbeatMs: number }) {
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  return {
    /** Takes the response over from Fastify and sends the stream's headers, or throws the recheck's refusal. */
    async open(reply: FastifyReply, opening: StreamOpening): Promise<ServerResponse> {
      const raw = reply.raw;
      // An end announced before the headers are out takes effect right after them.
      let ending = false;
      const end = (): void => {
        ending = true;
        if (raw.headersSent) raw.end();
      };
      const unsubscribes = [opening.unsubscribe];
      const unsubscribeAll = (): void => {
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
      try {
        unsubscribes.push(await deps.notifier.subscribeSessionEnd(opening.session.sessionId, end));
        if (opening.recheckOnRoleChange === true) {
          const recheck = (reason: string): void => {
            if (reason === 'role') void opening.recheck().catch(end);
          };
          unsubscribes.push(await deps.notifier.subscribeUser(opening.session.userId, recheck));
        }
        await opening.recheck();
      } catch (error) {
        unsubscribeAll();
        throw error;
      }
      reply.hijack();
      streams.add(raw);
      const heartbeat = setInterval(() => {
        if (deps.now().getTime() >= opening.session.expiresAt.getTime()) raw.end();
        else raw.write(': keep-alive\n\n');
      }, deps.heartbeatMs);
      raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribeAll();
        streams.delete(raw);
      });
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      raw.write(opening.first());
      if (ending) raw.end();
      return raw;
    },
  };
}
