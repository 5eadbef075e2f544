import type { ServerResponse } from 'node:http';
import type { StartCodes } from './start-codes';

/**
 * `GET /start?code=…`: trades a start code for the session token. The answer is a redirect to
 * `/#token=…`, the address form the renderer already reads (and removes from the address bar), so
 * the renderer needs no change; the token reaches the browser over this connection only, never a
 * command line. A spent, expired or unknown code gets a page saying where a working address is.
 */
export function answerStart(res: ServerResponse, url: URL, codes: StartCodes, token: string): void {
  const code = url.searchParams.get('code');
  const headers = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };
  if (code !== null && codes.redeem(code)) {
    res.writeHead(303, { ...headers, location: `/#token=${encodeURIComponent(token)}`, 'content-length': 0 });
    res.end();
    return;
  }
  const text = 'This GroupDesk start link was already used or has expired (it works once, for a minute). Open the address printed in the terminal where GroupDesk runs.\n';
  res.writeHead(401, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
