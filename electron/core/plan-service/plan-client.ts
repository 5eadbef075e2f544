import { createParser } from 'eventsource-parser';
import { z } from 'zod';
import { contractErrorSchema, type ContractError } from '@shared/contract/errors';
import { accessRequestList, type AccessRequest } from '@shared/plan-api/access-requests';
import { accountAnnouncement, me, signInResponse, type AccountAnnouncement, type Me, type SignInResponse } from '@shared/plan-api/accounts';
import { secondFactorChallenge, type SecondFactorChallenge, type SecondFactorRequest } from '@shared/plan-api/two-factor';
import { billingSummary, type BillingSummary } from '@shared/plan-api/bill-pay';
import { changesAnnouncement } from '@shared/plan-api/changes';
import { transactionAccepted, type TransactionAccepted } from '@shared/plan-api/eligibility';
import { payment, type Payment } from '@shared/plan-api/payments';
import { group as groupSchema, type Group } from '@shared/contract/schemas/group';
import { parseChangesPage, type FeedPage } from './feed-parse';

/**
 * How a call to the plan service failed, as the sync engine acts on it:
 * - `retry`: unreachable, timed out, 5xx or 429: try again later with back-off;
 * - `signed_out`: 401: the session ended (expired, revoked): stop until the user signs in;
 * - `rejected`: another 4xx with the service's `{code, message, fields}`: the request itself is refused;
 * - `invalid`: the answer is not what the API promises (a wrong URL, a proxy page, a newer service).
 */
/** A plan service and the session token to use with it. */
export interface Connection {
  url: string;
  token: string;
}

export type PlanErrorKind = 'retry' | 'signed_out' | 'rejected' | 'invalid';

export class PlanError extends Error {
  constructor(
    readonly kind: PlanErrorKind,
    message: string,
    readonly status: number | null = null,
    /** The service's error for `rejected` (and for 401/403 when it sent one). */
    readonly contractError: ContractError | null = null,
    /**
     * The request never left this computer (no connection could be opened): the service cannot have
     * acted on it. False whenever it may have arrived (a timeout, a connection dropped mid-answer).
     */
    readonly neverSent = false,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}

export interface PlanClientOptions {
  url: string;
  token: string | null;
  /** Aborts every call in flight (the core closing). */
  signal: AbortSignal;
  /** Per request; a first sync's 10,000-change page of a large group takes a few seconds. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type TransactionPath = 'enrollments' | 'dependents' | 'terminations' | 'reinstatements' | 'demographics' | 'id-card-requests';

const defaultTimeoutMs = 60_000;

/** The plan service's HTTP API (shared/plan-api) as the desktop uses it; every answer is checked with zod. */
export class PlanClient {
  readonly url: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PlanClientOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** A session (201), or a challenge for the second step when two-step sign-in is on and `deviceToken` does not spare it (202). */
  signIn(userId: string, password: string, deviceToken?: string): Promise<SignInResponse | SecondFactorChallenge> {
    const body = { userId, password, ...(deviceToken === undefined ? {} : { deviceToken }) };
    return this.json('POST', '/v1/sessions', z.union([signInResponse, secondFactorChallenge]), { body, status: [201, 202], auth: false });
  }

  /** The second step: the challenge with a code or a recovery code. */
  secondFactor(request: SecondFactorRequest): Promise<SignInResponse> {
    return this.json('POST', '/v1/sessions/second-factor', signInResponse, { body: request, status: 201, auth: false });
  }

  async signOut(): Promise<void> {
    await this.exchange('DELETE', '/v1/sessions/current', { status: 204 }, () => Promise.resolve());
  }

  me(): Promise<Me> {
    return this.json('GET', '/v1/me', me);
  }

  group(groupNumber: string): Promise<Group> {
    return this.json('GET', `/v1/groups/${groupNumber}`, groupSchema);
  }

  /** The signed-in user's primary-administrator requests, newest first. */
  async accessRequests(): Promise<AccessRequest[]> {
    return (await this.json('GET', '/v1/access-requests', accessRequestList)).requests;
  }

  /** The group's open balance and latest invoice (billing.read). */
  billingSummary(groupNumber: string): Promise<BillingSummary> {
    return this.json('GET', `/v1/groups/${groupNumber}/billing-summary`, billingSummary);
  }

  /** The invoice as the plan prints it: the PDF's bytes (GET /v1/groups/:g/invoices/:n/pdf, billing.read). */
  invoicePdf(groupNumber: string, invoiceNumber: string): Promise<Uint8Array> {
    return this.pdf(`/v1/groups/${groupNumber}/invoices/${encodeURIComponent(invoiceNumber)}/pdf`);
  }

  /** A payment's receipt as the plan prints it: the PDF's bytes (GET /v1/groups/:g/payments/:c/receipt, billing.read). */
  paymentReceipt(groupNumber: string, confirmationNumber: string): Promise<Uint8Array> {
    return this.pdf(`/v1/groups/${groupNumber}/payments/${encodeURIComponent(confirmationNumber)}/receipt`);
  }

  private pdf(path: string): Promise<Uint8Array> {
    return this.exchange('GET', path, { accept: 'application/pdf' }, async (response) => {
      try {
        return new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        throw new PlanError('retry', `The plan service's answer was cut off (${describe(error)}).`);
      }
    });
  }

  async changes(groupNumber: string, after: number, limit: number): Promise<FeedPage> {
    return this.exchange('GET', `/v1/groups/${groupNumber}/changes?after=${after}&limit=${limit}`, {}, async (response) => {
      const text = await this.readText(response);
      try {
        return parseChangesPage(text, groupNumber);
      } catch (error) {
        throw new PlanError('invalid', `The plan service sent a change feed page this app cannot read (${error instanceof Error ? error.message.slice(0, 200) : 'unknown'}).`, response.status);
      }
    });
  }

  submit(groupNumber: string, path: TransactionPath, body: unknown, idempotencyKey: string): Promise<TransactionAccepted> {
    return this.json('POST', `/v1/groups/${groupNumber}/${path}`, transactionAccepted, { body, status: 201, headers: { 'idempotency-key': idempotencyKey } });
  }

  /**
   * Submits a payment (POST /v1/groups/:g/payments) with its idempotency key: the plan answers a
   * repeat of the key with the payment the first request made, never a second debit.
   */
  submitPayment(groupNumber: string, body: unknown, idempotencyKey: string): Promise<Payment> {
    return this.json('POST', `/v1/groups/${groupNumber}/payments`, payment, { body, status: 201, headers: { 'idempotency-key': idempotencyKey } });
  }

  /**
   * Listens to the group's SSE stream until `signal` aborts or the stream ends; calls `onSeq` with
   * every announced head sequence. Resolves when the stream ends (the caller reconnects), rejects
   * with a PlanError when it cannot be opened.
   */
  async stream(groupNumber: string, signal: AbortSignal, onSeq: (seq: number) => void): Promise<void> {
    await this.exchange('GET', `/v1/groups/${groupNumber}/changes/stream`, { signal, noTimeout: true, accept: 'text/event-stream' }, (response) =>
      this.listen(response, signal, 'changes', changesAnnouncement, (announced) => onSeq(announced.seq)),
    );
  }

  /**
   * Listens to the signed-in user's own SSE stream (GET /v1/me/stream) the same way: `onAccount`
   * is called whenever their access changed (a request decided, a role granted, changed or removed).
   * `onOpen` is called once the service answered: from then on no change of theirs goes unannounced.
   */
  async accountStream(signal: AbortSignal, onAccount: (announced: AccountAnnouncement) => void, onOpen: () => void): Promise<void> {
    await this.exchange('GET', '/v1/me/stream', { signal, noTimeout: true, accept: 'text/event-stream' }, (response) => {
      onOpen();
      return this.listen(response, signal, 'account', accountAnnouncement, onAccount);
    });
  }

  private async listen<T>(response: Response, signal: AbortSignal, event: string, schema: z.ZodType<T>, onEvent: (announced: T) => void): Promise<void> {
    const body = response.body;
    if (body === null) return;
    const parser = createParser({
      onEvent: (message) => {
        if (message.event !== event) return;
        try {
          const parsed = schema.safeParse(JSON.parse(message.data));
          if (parsed.success) onEvent(parsed.data);
        } catch {
          // A malformed announcement is skipped; the timer's sync still catches up.
        }
      },
    });
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (signal.aborted || this.options.signal.aborted) return;
      throw new PlanError('retry', `The live updates connection dropped (${describe(error)}).`);
    }
  }

  /** One request whose answer has no body (204). */
  async send(method: string, path: string, init: PlanRequestInit = {}): Promise<void> {
    await this.exchange(method, path, { status: 204, ...init }, () => Promise.resolve());
  }

  /** One JSON request whose answer is checked with `schema` (the account and billing calls build on it). */
  json<T>(method: string, path: string, schema: z.ZodType<T>, init: PlanRequestInit = {}): Promise<T> {
    return this.exchange(method, path, init, async (response) => this.checked(method, path, schema, response, await this.readText(response)));
  }

  private checked<T>(method: string, path: string, schema: z.ZodType<T>, response: Response, text: string): T {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new PlanError('invalid', `The plan service at ${this.url} did not answer with JSON. Check the address.`, response.status);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').slice(0, 5).join(', ');
      throw new PlanError('invalid', `The plan service answered ${method} ${path.split('?')[0]} in a form this app cannot read (at ${where}).`, response.status);
    }
    return parsed.data;
  }

  private async readText(response: Response): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw new PlanError('retry', `The plan service's answer was cut off (${describe(error)}).`);
    }
  }

  /**
   * Sends one request, classifies a failure, and reads an answer of the expected status with `read`
   * while the request can still be aborted (the core closing, the timeout).
   */
  private async exchange<T>(method: string, path: string, init: PlanRequestInit, read: (response: Response) => Promise<T>): Promise<T> {
    const headers: Record<string, string> = { accept: init.accept ?? 'application/json', ...init.headers };
    if (init.auth !== false && this.options.token !== null) headers.authorization = `Bearer ${this.options.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const signals = [this.options.signal];
    if (init.signal !== undefined) signals.push(init.signal);
    if (init.noTimeout !== true) signals.push(AbortSignal.timeout(this.timeoutMs));
    const link = linked(signals);
    try {
      return await read(await this.answer(method, path, init, headers, signals, link.signal));
    } finally {
      link.release();
    }
  }

  private async answer(method: string, path: string, init: PlanRequestInit, headers: Record<string, string>, signals: readonly AbortSignal[], signal: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.url}${path}`, {
        method,
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        // A redirect (a 307 keeps method and body) would resend a password or a change, with the
        // session token, to whatever address the answer names: the plan's own address is the only one used.
        redirect: 'error',
        signal,
      });
    } catch (error) {
      if (isRedirectRefusal(error)) {
        throw new PlanError('retry', `The plan service at ${this.url} answered with a redirect to another address. GroupDesk does not follow redirects, so nothing was sent there; use the plan service's own address.`);
      }
      const timedOut = signals.some((s) => s.aborted && s.reason instanceof Error && s.reason.name === 'TimeoutError');
      const neverSent = !timedOut && connectFailures.has(describe(error));
      throw new PlanError('retry', timedOut ? `The plan service at ${this.url} did not answer in time.` : `The plan service at ${this.url} cannot be reached (${describe(error)}).`, null, null, neverSent);
    }
    const expected = init.status ?? 200;
    if (typeof expected === 'number' ? response.status === expected : expected.includes(response.status)) return response;
    const error = await this.errorBody(response);
    if (response.status === 401) throw new PlanError('signed_out', error?.message ?? 'The session ended. Sign in again.', 401, error);
    if (response.status === 429 || response.status >= 500) throw new PlanError('retry', `The plan service is busy or failing (HTTP ${response.status}).`, response.status, error);
    if (response.status >= 400 && response.status < 500 && error !== null) throw new PlanError('rejected', error.message, response.status, error);
    throw new PlanError('invalid', `The plan service answered ${method} ${path.split('?')[0]} with HTTP ${response.status}.`, response.status, error);
  }

  private async errorBody(response: Response): Promise<ContractError | null> {
    try {
      const parsed = contractErrorSchema.safeParse(JSON.parse(await response.text()));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

export interface PlanRequestInit {
  body?: unknown;
  /** The answer's expected status, or the statuses when more than one is a success. */
  status?: number | readonly number[];
  headers?: Record<string, string>;
  auth?: boolean;
  signal?: AbortSignal;
  noTimeout?: boolean;
  accept?: string;
}

/**
 * One signal that aborts when any of `signals` does. Not AbortSignal.any: the signal it returns is
 * held only weakly by its sources, and a long-lived stream's could be collected and never abort.
 */
function linked(signals: readonly AbortSignal[]): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const listeners: [AbortSignal, () => void][] = [];
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const listener = () => controller.abort(signal.reason);
    signal.addEventListener('abort', listener, { once: true });
    listeners.push([signal, listener]);
  }
  // The engine's signal outlives thousands of requests: each one's listener goes when it is done.
  return { signal: controller.signal, release: () => listeners.forEach(([signal, listener]) => signal.removeEventListener('abort', listener)) };
}

/** Failures to open a connection at all: the request was never sent. */
const connectFailures: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL']);

/** An error's name and code, never its message: a network error can carry the URL's query. */
/** How fetch reports `redirect: 'error'` meeting a 3xx: a TypeError whose cause says so. */
function isRedirectRefusal(error: unknown): boolean {
  return error instanceof TypeError && error.cause instanceof Error && error.cause.message === 'unexpected redirect';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const cause = error.cause instanceof Error && 'code' in error.cause ? String(error.cause.code) : null;
  return cause ?? error.name;
}
