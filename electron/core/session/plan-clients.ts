import { ContractFailure } from '@shared/contract';
import { PlanClient, type Connection } from '../plan-service/plan-client';
import { readSession } from '../store/repositories/session-store';
import type { Store } from '../store/store';

export interface PlanClientsOptions {
  /** The connection the sync engine uses now, if any (it may be newer than the stored session). */
  connected(): Connection | null;
  /** The HTTP client (tests that cut the network). */
  fetch?: typeof fetch;
  /** How long a call waits for the plan's answer unless it says otherwise (20 s; tests that delay answers). */
  timeoutMs?: number;
}

const defaultTimeoutMs = 20_000;

/**
 * Builds the PlanClients used on the user's behalf outside sync: sign-in and sign-out, account,
 * users, access and Bill Pay. Each client gets its own AbortController: these calls are the user's
 * and are not cut when the sync engine drops its connection.
 */
export class PlanClients {
  constructor(private readonly options: PlanClientsOptions) {}

  /** The current connection, else the session kept in the store, else null. */
  current(store: Store): Connection | null {
    const connected = this.options.connected();
    if (connected !== null) return connected;
    const session = readSession(store);
    return session === null ? null : { url: session.serviceUrl, token: session.token };
  }

  /** A client of the service the user is signed in to (the sandbox's in the sandbox). AUTH when nobody is signed in. */
  authorized(store: Store, timeoutMs = this.options.timeoutMs ?? defaultTimeoutMs): PlanClient {
    const connection = this.current(store);
    if (connection === null) throw new ContractFailure('AUTH', 'Sign in to the plan service first.');
    return this.forConnection(connection, timeoutMs);
  }

  forConnection(connection: Connection, timeoutMs: number): PlanClient {
    return this.client(connection.url, connection.token, timeoutMs);
  }

  /** A client without a session (sign-in, registration, e-mail verification, public terms). */
  anonymous(serviceUrl: string, timeoutMs = this.options.timeoutMs ?? defaultTimeoutMs): PlanClient {
    return this.client(serviceUrl.replace(/\/+$/, ''), null, timeoutMs);
  }

  private client(url: string, token: string | null, timeoutMs: number): PlanClient {
    return new PlanClient({ url, token, signal: new AbortController().signal, timeoutMs, ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }) });
  }
}
