import type { APIRequestContext } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract';
import type { RunningHost } from './browser-host';

/**
 * Reads what the app holds through the same RPC the renderer uses, so a test can pick real data
 * (a family, a name) instead of hard-coding the sandbox's contents.
 */
export async function rpc<M extends MethodName>(request: APIRequestContext, host: RunningHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await request.post(`${host.origin}/rpc`, {
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    data: { method, input },
  });
  const body = (await response.json()) as { ok: true; value: MethodOutput<M> } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${method} failed: ${body.error.message}`);
  return body.value;
}

export const DEMO_GROUP = '100234';
