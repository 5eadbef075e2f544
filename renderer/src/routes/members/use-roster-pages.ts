import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError, MethodInput } from '@shared/contract';
import type { RosterRow } from '@shared/contract/schemas/member';
import { useApi, useCoreEvent } from '../../api/ApiProvider';
import { useStatusStore } from '../../state/status-store';

/** Rows per request: a few screens' worth, so scrolling rarely waits and no request is large. */
export const pageSize = 150;

export type RosterParams = Omit<MethodInput<'members.list'>, 'offset' | 'limit'>;

interface Pages {
  key: string;
  total: number | null;
  /** How many the same search finds without the filters, when the filters alone left the list empty. */
  matchesWithoutFilters: number | null;
  asOf: string | null;
  rows: ReadonlyMap<number, readonly RosterRow[]>;
  error: ContractError | null;
}

const empty = (key: string): Pages => ({ key, total: null, matchesWithoutFilters: null, asOf: null, rows: new Map(), error: null });

/**
 * The roster as pages fetched on demand: the total drives the scroll height, and only the pages the
 * user scrolls to are requested. New parameters start over; a `roster.changed` event for this group
 * refetches the pages already shown, in place.
 */
export function useRosterPages(params: RosterParams) {
  const api = useApi();
  const noteResult = useStatusStore((s) => s.noteResult);
  const key = JSON.stringify(params);
  const [pages, setPages] = useState<Pages>(() => empty(key));
  const latestKey = useRef(key);
  // Pages already asked for, per parameter set (children's effects can run before ours on a change).
  const requested = useRef({ key, pages: new Set<number>() });
  const requestedFor = useCallback((k: string) => {
    if (requested.current.key !== k) requested.current = { key: k, pages: new Set() };
    return requested.current.pages;
  }, []);
  const current = pages.key === key ? pages : empty(key);

  const fetchPage = useCallback(
    async (page: number) => {
      const requestKey = key;
      const result = await api.call('members.list', { ...(JSON.parse(requestKey) as RosterParams), offset: page * pageSize, limit: pageSize });
      // Parameters changed while this page was on its way: its rows belong to another list.
      if (requestKey !== latestKey.current) return;
      noteResult(result);
      setPages((prev) => {
        const base = prev.key === requestKey ? prev : empty(requestKey);
        if (!result.ok) {
          requestedFor(requestKey).delete(page);
          return { ...base, error: result.error };
        }
        const rows = new Map(base.rows);
        rows.set(page, result.value.rows);
        return { ...base, rows, total: result.value.total, matchesWithoutFilters: result.value.matchesWithoutFilters ?? null, asOf: result.value.asOf, error: null };
      });
    },
    [api, key, noteResult, requestedFor],
  );

  useEffect(() => {
    latestKey.current = key;
    const asked = requestedFor(key);
    if (asked.has(0)) return;
    asked.add(0);
    void fetchPage(0);
  }, [key, fetchPage, requestedFor]);

  /** Asks for every page that holds a row between `first` and `last` (inclusive) and is not yet asked for. */
  const ensureRange = useCallback(
    (first: number, last: number) => {
      const asked = requestedFor(key);
      for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
        if (asked.has(page)) continue;
        asked.add(page);
        void fetchPage(page);
      }
    },
    [fetchPage, key, requestedFor],
  );

  const reload = useCallback(() => {
    const asked = requestedFor(key);
    if (asked.size === 0) asked.add(0);
    for (const page of asked) void fetchPage(page);
  }, [fetchPage, key, requestedFor]);

  useCoreEvent((event) => {
    if (event.type === 'roster.changed' && event.groupNumber === params.groupNumber) reload();
  });

  const rowAt = useCallback(
    (index: number): RosterRow | undefined => current.rows.get(Math.floor(index / pageSize))?.[index % pageSize],
    [current.rows],
  );

  return { total: current.total, matchesWithoutFilters: current.matchesWithoutFilters, asOf: current.asOf, error: current.error, rowAt, ensureRange, reload };
}
