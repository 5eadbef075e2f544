import path from 'node:path';

/**
 * Serving the built renderer safely, shared by both hosts (Electron's app:// handler and the browser
 * host's HTTP server).
 */

/**
 * Maps a URL path to a file strictly inside `root`, or null. Decodes first, then resolves, then checks
 * the result is still inside: checking before decoding lets `..%2f` through (docs/electron-host-rules.md#the-app-protocol).
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
  const rel = path.relative(root, target);
  if (rel === '' || path.isAbsolute(rel) || rel.split(path.sep)[0] === '..') return null;
  return target;
}

const MIME: Readonly<Record<string, string>> = {
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

/** Module scripts are refused without a JavaScript MIME type, so every file gets an explicit one. */
export const mimeType = (file: string): string => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The renderer's Content-Security-Policy: nothing by default, then only our own scripts, styles and
 * connections. Inline styles are allowed for style attributes set by React and Radix (virtualized
 * rows, popovers). The renderer never talks to the network itself (the core does), so connect-src is
 * 'self'. The same policy is in renderer/index.html, where static checkers look for it.
 */
export const RENDERER_CSP = [
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
