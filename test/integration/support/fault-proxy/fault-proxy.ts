import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does to one exchange (docs/testing-faults.md):
 * - `cut`: forwards the request, then sends the answer's headers and half its body and closes the connection;
 * - `delay`: forwards the request, then holds the answer until the client gives up (its timeout) or the proxy closes;
 * - `twice`: sends the request to the plan twice at once, as a retrying middlebox would, and answers with the second's answer;
 * - `bad-gateway`: forwards the request, then answers 502 instead of the plan's answer (the plan did the work);
 * - `unavailable`: answers 503 without forwarding (the plan never saw it);
 * - `drop-stream`: an SSE stream is cut after its first chunk.
 */
export const exchangeFaults = ['cut', 'delay', 'twice', 'bad-gateway', 'unavailable'] as const;
export type ExchangeFault = (typeof exchangeFaults)[number];
export type Fault = ExchangeFault | 'drop-stream';

/** One exchange through the proxy, as a test reads it: never a body, a query string or a header value. */
export interface ProxiedExchange {
  /** 1, 2, … in the order requests arrived. */
  seq: number;
  method: string;
  /** The path without its query. */
  route: string;
  /** An SSE stream (Accept: text/event-stream). */
  stream: boolean;
  fault: Fault | null;
  /**
   * The client's connection closed before the whole answer was sent: a cut or delay of the proxy's,
   * or a client that gave up on a slow plan by itself (set when it happens, after the exchange is announced).
   */
  unanswered: boolean;
}

/** Picks the fault for a request (null: pass it through untouched). */
export type FaultPolicy = (request: Pick<ProxiedExchange, 'method' | 'route' | 'stream'>) => Fault | null;

export interface FaultProxy {
  /** http://127.0.0.1:<port>: give this to the desktop core instead of the plan's address. */
  readonly url: string;
  /** Every exchange so far, in arrival order. */
  readonly exchanges: readonly ProxiedExchange[];
  /** The policy for requests from now on (none: every request passes). */
  setPolicy(policy: FaultPolicy | null): void;
  /** Cuts every SSE stream open now, mid-stream (the plan's side too); returns how many. */
  dropStreams(): number;
  /** Calls `listener` with each exchange as it arrives (before its fault is applied); returns the unsubscribe. */
  onExchange(listener: (exchange: ProxiedExchange) => void): () => void;
  /** Releases every held answer, closes every connection and stops listening. */
  close(): Promise<void>;
}

/** Connection-level headers that belong to one hop, never forwarded. */
const hopHeaders = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'content-length']);

function forwardable(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !hopHeaders.has(name)) out[name] = value;
  return out;
}

/** A stream can be dropped or refused; every other fault is about one request and its answer. */
const applies = (fault: Fault, stream: boolean): boolean => (stream ? fault === 'drop-stream' || fault === 'unavailable' : fault !== 'drop-stream');

interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 (port 0) in front of `target`, for integration tests:
 * plain node:http, one request at a time per connection as HTTP/1.1 has it. It never logs; what it
 * did is in `exchanges`. Nothing in it waits on a timer: a delayed answer is held until the client
 * closes its side or the proxy closes.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const exchanges: ProxiedExchange[] = [];
  const listeners = new Set<(exchange: ProxiedExchange) => void>();
  const sockets = new Set<Socket>();
  const held = new Set<() => void>();
  const openStreams = new Set<ServerResponse>();
  let policy: FaultPolicy | null = null;
  let closing = false;

  /** One request to the plan; the answer read whole (an SSE stream is never read this way). */
  const forward = (req: IncomingMessage, body: Buffer): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const out = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...forwardable(req.headers), 'content-length': String(body.length) }, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: forwardable(res.headers), body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const send = (res: ServerResponse, answer: Answer) => {
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    res.end(answer.body);
  };

  /** A gateway's own answer: plain text, as a load balancer's error page would be (not the plan's JSON). */
  const gatewayAnswer = (status: 502 | 503): Answer => ({ status, headers: { 'content-type': 'text/plain' }, body: Buffer.from(status === 502 ? 'Bad gateway' : 'Service unavailable') });

  /** Waits until the client closes its side of the exchange (its timeout) or the proxy closes. */
  const hold = (res: ServerResponse) =>
    new Promise<void>((resolve) => {
      const release = () => {
        held.delete(release);
        resolve();
      };
      held.add(release);
      res.once('close', release);
      if (closing) release();
    });

  const exchange = async (req: IncomingMessage, res: ServerResponse, body: Buffer, fault: Fault | null) => {
    switch (fault) {
      case 'unavailable':
        return send(res, gatewayAnswer(503));
      case 'bad-gateway':
        await forward(req, body);
        return send(res, gatewayAnswer(502));
      case 'twice': {
        const [, second] = await Promise.all([forward(req, body), forward(req, body)]);
        return send(res, second);
      }
      case 'delay':
        await forward(req, body);
        await hold(res);
        return void res.destroy();
      case 'cut': {
        const answer = await forward(req, body);
        res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
        // Half the body (at least one byte short of it) reaches the client before the connection goes;
        // an empty body cannot be cut, and such an answer arrives whole.
        return void res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => res.destroy());
      }
      default:
        return send(res, await forward(req, body));
    }
  };

  /** An SSE stream piped as it comes; `drop-stream` closes both sides after its first chunk. */
  const stream = (req: IncomingMessage, res: ServerResponse, fault: Fault | null) => {
    if (fault === 'unavailable') return send(res, gatewayAnswer(503));
    openStreams.add(res);
    const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: forwardable(req.headers) }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
      res.flushHeaders();
      answer.on('data', (chunk: Buffer) => {
        if (res.destroyed) return;
        res.write(chunk, () => {
          if (fault === 'drop-stream') {
            res.destroy();
            out.destroy();
          }
        });
      });
      answer.on('end', () => res.end());
      answer.on('error', () => res.destroy());
    });
    out.on('error', () => res.destroy());
    // The client going away ends the plan's side too, as it would without the proxy.
    res.once('close', () => {
      openStreams.delete(res);
      out.destroy();
    });
    out.end();
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const route = (req.url ?? '/').split('?')[0] ?? '/';
      const isStream = (req.headers.accept ?? '').includes('text/event-stream');
      const request = { method: req.method ?? 'GET', route, stream: isStream };
      const chosen = closing || policy === null ? null : policy(request);
      // A fault that does not apply to this kind of exchange passes it through.
      const fault = chosen !== null && applies(chosen, isStream) ? chosen : null;
      const record: ProxiedExchange = { seq: exchanges.length + 1, ...request, fault, unanswered: false };
      exchanges.push(record);
      res.once('close', () => {
        if (!res.writableFinished) record.unanswered = true;
      });
      for (const listener of listeners) listener(record);
      if (isStream) return stream(req, res, fault);
      exchange(req, res, Buffer.concat(chunks), fault).catch(() => {
        // The plan could not be reached (stopped, say): a gateway says so.
        if (!res.headersSent && !res.destroyed) send(res, gatewayAnswer(502));
        else res.destroy();
      });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    setPolicy: (next) => void (policy = next),
    dropStreams() {
      const dropped = openStreams.size;
      for (const res of [...openStreams]) res.destroy();
      return dropped;
    },
    onExchange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closing = true;
      for (const release of [...held]) release();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await closed;
    },
  };
}
