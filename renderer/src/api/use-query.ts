import { useCallback, useEffect, useState } from 'react';
import type { ContractError, MethodInput, MethodName, MethodOutput } from '@shared/contract';
import { useApi } from './ApiProvider';
import { useStatusStore } from '../state/status-store';

export type QueryState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: ContractError };

interface Answer<T> {
  request: string;
  /** The latest successful value, carried over while a newer request is on its way. */
  data: T | null;
  error: ContractError | null;
}

/**
 * Calls one method and tracks its answer. A new input (compared by value) or `reload()` asks again;
 * an answer is used only if it belongs to the latest request, so a slow reply never overwrites a
 * newer one. While reloading, the previous data stays on screen (no flash back to a skeleton).
 */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null): QueryState<MethodOutput<M>> & { reload: () => void } {
  const api = useApi();
  const noteResult = useStatusStore((s) => s.noteResult);
  const key = input === null ? null : JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<Answer<MethodOutput<M>> | null>(null);
  const request = key === null ? null : `${method}|${generation}|${key}`;

  useEffect(() => {
    if (request === null || key === null) return;
    let current = true;
    void api.call(method, JSON.parse(key) as MethodInput<M>).then((result) => {
      if (!current) return;
      noteResult(result);
      setAnswer((prev) => (result.ok ? { request, data: result.value, error: null } : { request, data: prev?.data ?? null, error: result.error }));
    });
    return () => {
      current = false;
    };
  }, [api, method, key, request, noteResult]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const data = answer?.data ?? null;
  if (answer?.request !== request) return { status: 'loading', data, error: null, reload };
  if (answer.error) return { status: 'error', data, error: answer.error, reload };
  return data === null ? { status: 'loading', data, error: null, reload } : { status: 'ready', data, error: null, reload };
}
