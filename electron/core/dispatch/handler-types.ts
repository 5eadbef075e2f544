import type { MethodName, MethodOutput, ParsedInput } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import type { CoreRuntime } from '../runtime/core-runtime';
import type { Store } from '../store/store';

export interface HandlerContext {
  /** The open store; the dispatcher runs no data method unless the store is ready. */
  readonly store: Store;
  readonly runtime: CoreRuntime;
  /** Today's date where the user is (or the date a test fixed). */
  today(): string;
  /** Now as an ISO UTC instant. */
  now(): string;
  /** Queues an event; it is delivered only if the handler succeeds, after its transaction committed. */
  emit(event: CoreEvent): void;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: HandlerContext) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One handler per contract method: a missing one is a type error where the map is assembled. */
export type HandlerMap = { [M in MethodName]: Handler<M> };

/** The handlers of one domain, with each handler's input and output typed by its method name. */
export function handlers<K extends MethodName>(group: { [M in K]: Handler<M> }): { [M in K]: Handler<M> } {
  return group;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Merges domain handler groups; a method registered twice throws (spreading would silently keep the last). */
export function combineHandlers<const T extends readonly object[]>(...groups: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (Object.hasOwn(merged, name)) throw new Error(`Handler for ${name} is registered twice`);
      merged[name] = handler;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}
