import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpTransport } from './http-transport';
import { takeLaunchToken } from './token';
import { chooseTransport } from './choose-transport';
import type { BridgeEvent } from '@shared/contract/bridge';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

class FakeEventSource {
  static last: FakeEventSource | null = null;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  send(data: string) {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('browser host transport', () => {
  it('posts { method, input } to /rpc with the bearer token and returns the envelope', async () => {
    const fetchImpl = vi.fn(async () => json({ ok: true, value: [] }));
    const transport = httpTransport('tok-123', fetchImpl as unknown as typeof fetch);
    const result = await transport.call('groups.list', {});
    expect(result).toEqual({ ok: true, value: [] });
    expect(fetchImpl).toHaveBeenCalledWith('/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer tok-123' },
      body: JSON.stringify({ method: 'groups.list', input: {} }),
    });
  });

  it('passes error envelopes through, whatever the HTTP status', async () => {
    const error = { code: 'NOT_FOUND', message: 'No member 123456789 in group 100234.' };
    const transport = httpTransport('t', (async () => json({ ok: false, error }, 404)) as unknown as typeof fetch);
    expect(await transport.call('members.get', { groupNumber: '100234', memberId: '123456789' })).toEqual({ ok: false, error });
  });

  it('answers OFFLINE when the host cannot be reached, AUTH when the token is refused', async () => {
    const down = httpTransport('t', (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    const offline = await down.call('app.status', {});
    expect(offline.ok === false && offline.error.code).toBe('OFFLINE');

    const refused = httpTransport('t', (async () => new Response('Unauthorized', { status: 401 })) as unknown as typeof fetch);
    const auth = await refused.call('app.status', {});
    expect(auth.ok === false && auth.error.code).toBe('AUTH');
  });

  it('reads events from /events with the token in the query, ignoring malformed ones', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const transport = httpTransport('a b');
    const seen: BridgeEvent[] = [];
    const stop = transport.onEvent((e) => seen.push(e));
    const source = FakeEventSource.last as FakeEventSource;
    expect(source.url).toBe('/events?token=a%20b');
    source.send(JSON.stringify({ type: 'roster.changed', groupNumber: '100234' }));
    source.send('not json');
    source.send(JSON.stringify({ type: 'unknown.event' }));
    expect(seen).toEqual([{ type: 'roster.changed', groupNumber: '100234' }]);
    stop();
    expect(source.closed).toBe(true);
  });
});

describe('launch token', () => {
  it('takes the token from the address, keeps it for the tab and removes it from the address bar', () => {
    history.replaceState(null, '', '/#token=s3cr%2Bt');
    expect(takeLaunchToken(location, history, sessionStorage)).toBe('s3cr+t');
    expect(location.hash).toBe('#/');
    expect(sessionStorage.getItem('groupdesk.token')).toBe('s3cr+t');
    // A reload of the tab still works without the token in the address.
    expect(takeLaunchToken(location, history, sessionStorage)).toBe('s3cr+t');
  });

  it('has no transport without a token or a bridge', () => {
    history.replaceState(null, '', '/#/members');
    expect(chooseTransport(window)).toBeNull();
  });

  it('prefers the Electron bridge when the preload provides one', async () => {
    const call = vi.fn(async () => ({ ok: true as const, value: 'x' }));
    const bridged = Object.assign(Object.create(window) as Window, { groupdesk: { call, onEvent: () => () => undefined } });
    const transport = chooseTransport(bridged);
    expect(await transport?.call('groups.list', {})).toEqual({ ok: true, value: 'x' });
    expect(call).toHaveBeenCalledWith('groups.list', {});
  });
});
