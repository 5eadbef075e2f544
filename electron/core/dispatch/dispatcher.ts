import { ContractFailure, contract, fail, isMethodName, ok, validationError, type ContractError, type MethodName, type Result } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import type { Handler, HandlerContext, HandlerMap } from './handler-types';

export interface DispatcherOptions {
  handlers: HandlerMap;
  /** Builds the context of one call; `emit` is supplied by the dispatcher. */
  context(emit: (event: CoreEvent) => void): HandlerContext;
  /** Why `method` cannot run now (the store is not ready), or null. */
  blocked(method: MethodName): string | null;
  /** The screen is locked: only the methods the Lock screen and the status bar need run. */
  locked?(): boolean;
  /**
   * Whether the caller may run `method` with this (validated) input: null, or the refusal
   * (AUTH, FORBIDDEN). Runs after validation and before the handler.
   */
  authorize?(method: MethodName, input: unknown): ContractError | null;
  /** Delivers events after a successful call. */
  publish(event: CoreEvent): void;
  /** Checks every answer against the method's output schema (tests, development). */
  validateOutput: boolean;
  /** Receives failures; gets no input, so no PII can reach it. */
  log(message: string): void;
  /** Told about every unexpected error, e.g. to notice a store that went corrupt under a query. */
  onUnexpectedError?(error: unknown): void;
  /** Told about every refusal a handler answered (the plan's included), e.g. to act on TWO_FACTOR_REQUIRED. */
  onRefused?(failure: ContractFailure): void;
}

export interface Dispatcher {
  dispatch(method: string, rawInput: unknown): Promise<Result<unknown>>;
}

/** What a locked GroupDesk still answers: the lock screen (unlock, or sign out) and the status bar. */
const whileLocked: ReadonlySet<MethodName> = new Set(['app.status', 'session.get', 'session.unlock', 'session.signOut', 'sync.status']);
const lockedMessage = 'GroupDesk is locked. Enter your password to continue.';

const genericFailure = 'Something went wrong in GroupDesk. Try again; if it keeps happening, restart the app.';

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const registered = new Set(Object.keys(options.handlers));
  for (const name of Object.keys(contract)) {
    if (!registered.has(name)) throw new Error(`No handler for ${name}`);
  }
  for (const name of registered) {
    if (!isMethodName(name)) throw new Error(`Handler for ${name}, which is not in the contract`);
  }

  return {
    async dispatch(method, rawInput) {
      if (!isMethodName(method)) return fail('VALIDATION', `Unknown method "${method.slice(0, 80)}"`, { method: 'Not a method of the contract' });
      const def = contract[method];
      const parsed = def.input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      const blocked = options.blocked(method);
      if (blocked !== null) return fail('INTERNAL', blocked);
      if (!whileLocked.has(method) && options.locked?.() === true) return fail('AUTH', lockedMessage);
      const refused = options.authorize?.(method, parsed.data) ?? null;
      if (refused !== null) return { ok: false, error: refused };

      const queued: CoreEvent[] = [];
      try {
        const handler = options.handlers[method] as Handler<MethodName>;
        const value: unknown = await handler(parsed.data as never, options.context((event) => queued.push(event)));
        if (options.validateOutput) {
          const checked = def.output.safeParse(value);
          if (!checked.success) {
            options.log(`[core] ${method} answered outside its output schema at ${checked.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`);
            return fail('INTERNAL', genericFailure);
          }
        }
        for (const event of queued) options.publish(event);
        return ok(value);
      } catch (error) {
        if (error instanceof ContractFailure) {
          options.onRefused?.(error);
          return fail(error.code, error.message, error.fields);
        }
        options.log(`[core] ${method} failed: ${describe(error)}`);
        options.onUnexpectedError?.(error);
        return fail('INTERNAL', genericFailure);
      }
    },
  };
}

/**
 * Name, code and message only. Our own errors never carry a member's data; the stack is left out
 * because it repeats the message of wrapped errors from libraries we do not control.
 */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = 'code' in error && typeof error.code === 'string' ? ` ${error.code}` : '';
  return `${error.name}${code}: ${error.message.slice(0, 300)}`;
}
