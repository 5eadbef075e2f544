import { contract, type MethodName, type Result } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import type { Role } from '@shared/contract/roles';
import { createDispatcher } from '../dispatch/dispatcher';
import { checkGroupPermission } from '../dispatch/group-permission';
import type { HandlerMap, SyncPort } from '../dispatch/handler-types';
import { PlanClient } from '../plan-service/plan-client';
import { billingHandlers } from '../services/billing/billing-handlers';
import { notificationsHandlers } from '../services/notifications/notifications-handlers';
import { paymentsHandlers } from '../services/payments/payments-handlers';
import { PlanClients } from '../session/plan-clients';
import { statement } from '../store/statements';
import type { Store } from '../store/store';
import { pushOutbox } from '../sync/push';
import { testPorts } from './test-ports';
import { fileStore } from './transactions-test-store';

/** Two open invoices of the fixture group (4321): November's past due, December's due on the 20th. */
export const november = 'INV-4321-202611-BBBBBB';
export const december = 'INV-4321-202612-AAAAAA';
export const invoiceAmounts = { [november]: 50_000, [december]: 120_000 } as const;

/** Monday 7 December 2026, 10:00 a.m. Eastern: before the day's cut-off. */
export const mondayMorning = '2026-12-07T15:00:00.000Z';

/** The fixture store with the two invoices, as a pull would have left them. */
export function paymentsStore(): Store {
  const store = fileStore();
  const insert = statement(
    store.db,
    `INSERT INTO invoices (invoice_number, group_number, period_start, issued_on, due_date, status, amount_cents, previous_balance_cents,
       payments_cents, premiums_cents, adjustments_cents, total_due_cents, updated_at)
     VALUES (?, '4321', ?, ?, ?, 'open', ?, 0, 0, ?, 0, ?, '2026-11-15T06:00:00.000Z')`,
  );
  insert.run(november, '2026-11-01', '2026-10-15', '2026-11-20', invoiceAmounts[november], invoiceAmounts[november], invoiceAmounts[november]);
  insert.run(december, '2026-12-01', '2026-11-15', '2026-12-20', invoiceAmounts[december], invoiceAmounts[december], invoiceAmounts[december]);
  return store;
}

/**
 * fetch with a switch: `down` fails every request as an unreachable host does; `loseNextAnswer`
 * lets the next request whose path ends so reach the plan and be answered, then fails it as a
 * connection cut before the answer arrived. Every request is recorded (bytes included, to look for
 * account numbers).
 */
export function switchableNetwork() {
  const net = {
    down: false,
    loseNextAnswer: null as string | null,
    requests: [] as { method: string; path: string; body: string; idempotencyKey: string | null }[],
    fetch: (async (url, init) => {
      if (net.down) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      const { pathname, search } = new URL(String(url));
      const headers = new Headers(init?.headers);
      net.requests.push({ method: init?.method ?? 'GET', path: `${pathname}${search}`, body: typeof init?.body === 'string' ? init.body : '', idempotencyKey: headers.get('idempotency-key') });
      const response = await fetch(url, init);
      if (net.loseNextAnswer === null || !pathname.endsWith(net.loseNextAnswer)) return response;
      net.loseNextAnswer = null;
      await response.arrayBuffer();
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    }) as typeof fetch,
  };
  return net;
}

export interface PaymentsCoreOptions {
  /** The plan the user is signed in to. */
  plan: { url: string; token: string };
  /** The acting user's role in the group (the desktop's permission check). */
  role?: Role;
  clock: { now: string };
  net: ReturnType<typeof switchableNetwork>;
}

/**
 * The real dispatcher (input, permission and output checked against the contract) over the payments,
 * billing and notifications handlers, with real PlanClients; events are collected, as are sync
 * requests. `push()` runs the sync engine's real push of the outbox against the same plan.
 */
export function paymentsCore(store: Store, options: PaymentsCoreOptions) {
  const events: CoreEvent[] = [];
  let syncRequests = 0;
  const refuse = () => {
    throw new Error('not under test');
  };
  const all = Object.fromEntries(Object.keys(contract).map((name) => [name, refuse])) as unknown as HandlerMap;
  const clients = new PlanClients({ connected: () => options.plan, fetch: options.net.fetch });
  const dispatcher = createDispatcher({
    handlers: { ...all, ...paymentsHandlers, ...billingHandlers, ...notificationsHandlers },
    validateOutput: true,
    log: (message) => {
      throw new Error(message);
    },
    publish: (event) => events.push(event),
    blocked: () => null,
    authorize: (method, input) => checkGroupPermission(method, input, () => options.role ?? 'billing'),
    context: (emit) => ({
      store,
      ...testPorts({ clients, sync: { requestSync: () => void syncRequests++ } as unknown as SyncPort }),
      today: () => options.clock.now.slice(0, 10),
      now: () => options.clock.now,
      emit,
    }),
  });
  return {
    events,
    syncRequests: () => syncRequests,
    call: (method: MethodName, input: unknown): Promise<Result<unknown>> => dispatcher.dispatch(method, input),
    async ok<T = Record<string, unknown>>(method: MethodName, input: unknown): Promise<T> {
      const result = await dispatcher.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
    /** The sync engine's push: resolves with the rows answered, rejects with the PlanError that stopped it. */
    push: () =>
      pushOutbox({
        store: () => store,
        client: new PlanClient({ url: options.plan.url, token: options.plan.token, signal: new AbortController().signal, timeoutMs: 5000, fetch: options.net.fetch }),
        now: () => options.clock.now,
        publish: (published) => events.push(...published),
        aborted: () => false,
      }),
  };
}
