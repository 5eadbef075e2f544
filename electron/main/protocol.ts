import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { RENDERER_CSP, mimeType, resolveInside } from '../host/static-files';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * Privileges of app://, registered once, before ready, in a single call — a second call replaces the
 * first (docs/electron-host-rules.md#the-app-protocol). standard: relative URLs and web storage; secure: a secure context;
 * supportFetchAPI + corsEnabled: module scripts and fetch of our own assets; bypassCSP stays off.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/**
 * Serves the built renderer from `rendererRoot` with our own MIME types and CSP. Files are read with
 * `fs`, which is asar-aware in main, rather than `net.fetch(file:)`, whose behaviour with the
 * `grantFileProtocolExtraPrivileges` fuse off was not verified.
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
        'content-type': mimeType(file),
        'content-security-policy': RENDERER_CSP,
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
