import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * Privileges of app://, registered once, before ready, in a single call — a second call replaces the
 * first (electron-host.md §4.1). standard: relative URLs and web storage; secure: a secure context;
 * supportFetchAPI + corsEnabled: module scripts and fetch of our own assets; bypassCSP stays off.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/**
 * From `default-src 'none'`, opening only what the React bundle needs. Inline styles are allowed for
 * style attributes set by React and Radix; scripts only from the bundle. The renderer never talks to
 * the network (the core does), so connect-src is 'self'. The same policy is in renderer/index.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Set by us: module scripts are refused without a JavaScript MIME type (electron/electron#12011). */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file under `root` that a URL path names, or null if it would leave `root`. Decodes first, then
 * resolves, then checks — checking before decoding lets `..%2f` through, and resolving an absolute
 * pathname ignores the root altogether (electron-host.md §4.2, symptoms A and B).
 */
export function resolveInside(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  // NUL truncates paths in native code; a backslash is a separator on Windows only, so it is refused
  // everywhere rather than meaning different files on different systems.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const target = path.resolve(root, `.${path.posix.sep}${decoded}`);
  const relative = path.relative(root, target);
  if (relative === '' || path.isAbsolute(relative) || relative.split(path.sep)[0] === '..') return null;
  return target;
}

/**
 * Serves the built renderer from `rendererRoot` with our own MIME types and CSP. Files are read with
 * `fs`, which is asar-aware in main, rather than `net.fetch(file:)`, whose behaviour with the
 * `grantFileProtocolExtraPrivileges` fuse off was not verified (electron-host.md §4.2).
 */
export function createAppRequestHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return new Response('Not found', { status: 404 });
    // The renderer routes with a hash history, so every page is index.html plus a #fragment.
    const file = resolveInside(rendererRoot, url.pathname === '/' ? '/index.html' : url.pathname);
    if (file === null) return new Response('Bad request', { status: 400 });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
    });
  };
}

/** After ready, on the session the window uses (the default one). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot));
}
