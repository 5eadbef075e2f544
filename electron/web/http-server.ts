import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { CoreEvent, Result } from '@shared/contract';
import { fail, validationError } from '@shared/contract';
import { RENDERER_CSP, mimeType, resolveInside } from '../host/static-files';
import { FileTooLargeError, coreFilePath, receiveFile, safeFileName } from '../host/file-exchange';
import { MAX_BODY_BYTES, rpcRequest } from './rpc-request';
import type { StartCodes } from './start-codes';
import { answerStart } from './start-route';

/** What the browser host needs of the core: the same two calls the Electron preload bridges. */
export interface CoreConnection {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

export interface BrowserHostOptions {
  core: CoreConnection;
  /** The core's data folder: exports are downloaded from, and uploads received into, its `files/`. */
  dataDir: string;
  rendererDir: string;
  token: string;
  /** One-time codes `/start` trades for the token (start-route.ts); without them `/start` is not served. */
  startCodes?: StartCodes;
  port?: number;
}

export interface BrowserHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/** SSE comments keep idle connections from being closed by proxies and detect gone clients. */
const HEARTBEAT_MS = 25_000;

/**
 * Serves the built renderer and the core's dispatcher on 127.0.0.1 only. Every RPC and event stream
 * needs the per-launch token; without it the answer is 401 and nothing runs.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const expectedToken = Buffer.from(options.token);
  const hasToken = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    return given.length === expectedToken.length && timingSafeEqual(given, expectedToken);
  };
  let port = options.port ?? 0;
  const streams = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      // Never echo internals; the request body may hold personal data, and an error's text can quote
      // it, so only the error's kind is logged.
      console.error('[web] request failed:', error instanceof Error ? error.name : 'unknown error');
      if (!res.headersSent) send(res, 500, fail('INTERNAL', 'GroupDesk could not answer this request.'));
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site can point a hostname at 127.0.0.1 (DNS rebinding); only our own names pass.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 421, fail('FORBIDDEN', 'Wrong host.'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/rpc') return handleRpc(req, res);
    if (url.pathname === '/events') return handleEvents(req, res, url);
    if (url.pathname === '/start' && req.method === 'GET' && options.startCodes !== undefined) return answerStart(res, url, options.startCodes, options.token);
    if (url.pathname === '/files') return handleUpload(req, res);
    if (url.pathname.startsWith('/files/')) return handleDownload(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, fail('VALIDATION', 'Method not allowed.'));
      return;
    }
    return serveStatic(req, res, url.pathname);
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, fail('VALIDATION', 'Use POST for /rpc.'));
    const auth = req.headers.authorization;
    if (!hasToken(auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : null)) {
      req.resume();
      return send(res, 401, fail('AUTH', 'This GroupDesk address needs the token printed at launch.'));
    }
    // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      req.resume();
      return send(res, 415, fail('VALIDATION', 'Send the request as application/json.'));
    }
    const body = await readBody(req);
    if (body === null) return send(res, 413, fail('VALIDATION', `The request is larger than ${MAX_BODY_BYTES} bytes.`));
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return send(res, 400, fail('VALIDATION', 'The request body is not valid JSON.'));
    }
    const parsed = rpcRequest.safeParse(json);
    if (!parsed.success) return send(res, 400, { ok: false, error: validationError(parsed.error, 'Invalid RPC request') });
    send(res, 200, await options.core.call(parsed.data.method, parsed.data.input));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') return send(res, 405, fail('VALIDATION', 'Use GET for /events.'));
    // EventSource cannot set headers, so the event stream takes the token as a query parameter.
    if (!hasToken(url.searchParams.get('token'))) return send(res, 401, fail('AUTH', 'This GroupDesk address needs the token printed at launch.'));
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.core.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  /** An import: the body is the file itself, streamed into the core's files folder. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, fail('VALIDATION', 'Use POST for /files.'));
    const auth = req.headers.authorization;
    if (!hasToken(auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : null)) {
      req.resume();
      return send(res, 401, fail('AUTH', 'This GroupDesk address needs the token printed at launch.'));
    }
    try {
      send(res, 200, { ok: true, value: await receiveFile(options.dataDir, req) });
    } catch (error) {
      if (!(error instanceof FileTooLargeError)) throw error;
      req.resume();
      send(res, 413, fail('VALIDATION', error.message));
    }
  }

  /**
   * An export, as a download under the name the core gave it. A link cannot carry a header, so the
   * token comes as a query parameter, as for /events. The file is served once and then removed.
   */
  function handleDownload(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') return send(res, 405, fail('VALIDATION', 'Use GET for a download.'));
    if (!hasToken(url.searchParams.get('token'))) return send(res, 401, fail('AUTH', 'This GroupDesk address needs the token printed at launch.'));
    const file = coreFilePath(options.dataDir, url.pathname.slice('/files/'.length));
    if (file === null) return send(res, 404, fail('NOT_FOUND', 'That file is no longer here. Make it again.'));
    const name = safeFileName(url.searchParams.get('name') ?? 'groupdesk-file');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'application/octet-stream',
      'content-length': statSync(file).size,
      'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    });
    const stream = createReadStream(file);
    stream.pipe(res);
    res.on('finish', () => rmSync(file, { force: true }));
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const file = resolveInside(options.rendererDir, pathname === '/' ? '/index.html' : pathname);
    if (file === null) return send(res, 404, fail('NOT_FOUND', 'Not found.'));
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(res, 404, fail('NOT_FOUND', 'Not found.'));
    }
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': mimeType(file),
      'content-length': content.length,
      'content-security-policy': RENDERER_CSP,
      // Hashed asset names change with every build; the page itself must always be fresh.
      'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/**
 * Reads the body up to the limit; null when it is larger. The rest is drained rather than buffered:
 * leaving the loop early would destroy the socket before the 413 answer is written.
 */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}
