import type { MethodInput, MethodName, MethodOutput, Result } from '@shared/contract';
import type { FakeTransport } from './fake-transport';

/**
 * Keeps the next calls of one method unanswered until the test answers them: a long job (an export,
 * a file check) stays running while the test sends its progress events and cancels it.
 */
export function holdCalls<M extends MethodName>(transport: FakeTransport, method: M) {
  const waiting: { input: MethodInput<M>; answer: (result: Result<MethodOutput<M>>) => void }[] = [];
  const call = transport.call.bind(transport);
  transport.call = (<N extends MethodName>(name: N, input: MethodInput<N>) => {
    if ((name as MethodName) !== method) return call(name, input);
    transport.calls.push({ method: name, input });
    return new Promise<Result<MethodOutput<N>>>((resolve) => {
      waiting.push({ input: input as unknown as MethodInput<M>, answer: resolve as unknown as (result: Result<MethodOutput<M>>) => void });
    });
  }) as FakeTransport['call'];
  return {
    /** The input of the oldest unanswered call. */
    input: () => {
      const first = waiting[0];
      if (!first) throw new Error(`No ${method} call is waiting`);
      return first.input;
    },
    answer: (result: Result<MethodOutput<M>>) => {
      const first = waiting.shift();
      if (!first) throw new Error(`No ${method} call is waiting`);
      first.answer(result);
    },
  };
}
