import { randomBytes } from 'node:crypto';
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract';
import type { SessionInfo } from '@shared/contract/methods/sync';
import { createCore } from '../core';
import type { CoreHandle } from '../core-types';
import { tempDataDir, type SyncTestService } from './plan-service';

/** Account tests' desktops: each a real core with its own data folder, signed in as a real user of the test service. */
export class Desktops {
  private readonly cores: ReturnType<typeof createCore>[] = [];

  constructor(private readonly test: () => SyncTestService) {}

  /** A desktop signed in nowhere, as on first launch (no sandbox). */
  fresh(options: { dataDir?: string; encryptionKey?: Buffer; fetch?: typeof fetch } = {}): ReturnType<typeof createCore> {
    const { dataDir = tempDataDir(), encryptionKey = randomBytes(32), ...rest } = options;
    const core = createCore({ dataDir, encryptionKey, sandbox: false, today: this.test().today, now: this.test().now, log: () => {}, ...rest });
    this.cores.push(core);
    return core;
  }

  /** A desktop where the user signed in. */
  async signedIn(user: { userId: string; password: string }, options: { fetch?: typeof fetch } = {}): Promise<ReturnType<typeof createCore>> {
    const core = this.fresh(options);
    const { userId, password } = user;
    const answer = await core.call('session.signIn', { serviceUrl: this.test().service.url, userId, password });
    if (!answer.ok) throw new Error(`sign in ${userId}: ${answer.error.message}`);
    return core;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.cores.splice(0).map((core) => core.close()));
  }
}

/**
 * Resolves with `method`'s answer once it passes `accept`, asked now and again after each event the
 * core announces (the account sync's session.changed and access.changed, a sync status): what a
 * window would redraw on.
 */
export async function waitForAnswer<T>(core: CoreHandle, method: string, accept: (value: T) => boolean): Promise<T> {
  let stop = () => {};
  try {
    return await new Promise<T>((resolve, reject) => {
      const check = async () => {
        const answer = await core.call(method, {});
        if (answer.ok && accept(answer.value as T)) resolve(answer.value as T);
      };
      stop = core.onEvent(() => void check().catch(reject));
      void check().catch(reject);
    });
  } finally {
    stop();
  }
}

export const waitForSession = (core: CoreHandle, accept: (session: SessionInfo) => boolean): Promise<SessionInfo> => waitForAnswer(core, 'session.get', accept);

export const hasGroup = (groupNumber: string, role?: string) => (session: SessionInfo) => session.groups.some((g) => g.groupNumber === groupNumber && (role === undefined || g.role === role));

/** Calls a method that must succeed, typed by its name. */
export async function answerOf<M extends MethodName>(core: CoreHandle, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const answer = await core.call(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as MethodOutput<M>;
}
