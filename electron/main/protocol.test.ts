import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP as CONTENT_SECURITY_POLICY, resolveInside } from '../host/static-files';
import { createAppRequestHandler, registerAppScheme } from './protocol';

const root = path.resolve('/srv/renderer');

describe('resolveInside', () => {
  it.each([
    ['/index.html', path.join(root, 'index.html')],
    ['/assets/app-1234.js', path.join(root, 'assets', 'app-1234.js')],
    ['/assets/with%20space.css', path.join(root, 'assets', 'with space.css')],
    ['/a/b/../c.js', path.join(root, 'a', 'c.js')],
  ])('serves %s', (pathname, expected) => {
    expect(resolveInside(root, pathname)).toBe(expected);
  });

  it.each([
    ['/../secret', 'dot-dot segment'],
    ['/../../etc/passwd', 'two levels up'],
    ['/assets/../../outside', 'climbs out through a folder'],
    ['/%2e%2e/secret', 'encoded dot-dot'],
    ['/%2E%2E/secret', 'upper-case encoded dot-dot'],
    ['/..%2fsecret', 'encoded slash after dot-dot'],
    ['/..%2f..%2fetc%2fpasswd', 'encoded traversal decoded after checking'],
    ['/..%5csecret', 'encoded backslash'],
    ['/index.html%00.png', 'NUL byte'],
    ['/%', 'malformed percent'],
    ['/%E0%A4%A', 'truncated UTF-8 escape'],
    ['/', 'the root itself'],
    ['', 'empty'],
  ])('refuses %s (%s)', (pathname) => {
    expect(resolveInside(root, pathname)).toBeNull();
  });

  it('treats an absolute-looking path as relative to the root (path.resolve would drop the root)', () => {
    expect(resolveInside(root, '//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });
});

describe('app:// request handler', () => {
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'groupdesk-renderer-'));
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>GroupDesk</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'main.js'), 'export {};');
  writeFileSync(path.join(rendererDir, 'assets', 'blob.bin'), 'x');
  const serve = createAppRequestHandler(rendererDir);

  it('serves index.html for the root with the CSP and nosniff', async () => {
    const response = await serve(new Request('app://bundle/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('GroupDesk');
  });

  it('gives module scripts a JavaScript MIME type', async () => {
    const response = await serve(new Request('app://bundle/assets/main.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('labels unknown extensions as octet-stream', async () => {
    expect((await serve(new Request('app://bundle/assets/blob.bin'))).headers.get('content-type')).toBe('application/octet-stream');
  });

  it.each([
    ['app://bundle/missing.js', 404],
    ['app://other/index.html', 404],
    ['app://bundle/..%2f..%2fetc%2fpasswd', 400],
    ['app://bundle/%', 400],
  ])('answers %s with %i', async (url, status) => {
    expect((await serve(new Request(url))).status).toBe(status);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serve(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const response = await serve(new Request('app://bundle/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('CSP', () => {
  it("starts from default-src 'none' and opens only what the renderer needs", () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });
});

describe('registerAppScheme', () => {
  it('registers app:// once, standard and secure, without bypassCSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [Electron.CustomScheme[]];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(schemes[0]?.privileges?.bypassCSP).toBeUndefined();
  });
});
