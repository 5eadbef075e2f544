import { useCallback, useEffect, useState } from 'react';
import type { RosterRow } from '@shared/contract/schemas/member';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import { formatCount, plural } from '../../components/format';
import { maxSelection, useRosterSelection } from './selection-store';
import type { RowSelection } from './SelectCell';
import type { RosterParams } from './use-roster-pages';

/** The most rows `members.list` returns per call. */
const fetchLimit = 500;

export const selectedPhrase = (n: number) => plural(n, 'member selected', 'members selected');

/**
 * Connects the grid to the selection store for one roster list (`params`): ticks, ranges over the
 * rows already loaded, and "select all matching", which reads the whole list page by page. Every
 * change is announced with the new count, since a ticked box alone says nothing about the total.
 */
export function useRowSelection(params: RosterParams, total: number | null, rowAt: (index: number) => RosterRow | undefined): RowSelection {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const listKey = JSON.stringify(params);
  const rows = useRosterSelection((s) => s.rows);
  const allOf = useRosterSelection((s) => s.allOf);
  const forGroup = useRosterSelection((s) => s.forGroup);
  const [busy, setBusy] = useState(false);

  useEffect(() => forGroup(params.groupNumber), [forGroup, params.groupNumber]);

  const announceCount = useCallback(() => announce(selectedPhrase(useRosterSelection.getState().rows.size)), [announce]);

  const onToggle = useCallback(
    (index: number) => {
      const row = rowAt(index);
      if (!row) return;
      useRosterSelection.getState().toggle(row, listKey, index);
      announceCount();
    },
    [rowAt, listKey, announceCount],
  );

  const onRange = useCallback(
    (index: number) => {
      const { anchor, add } = useRosterSelection.getState();
      const from = anchor?.listKey === listKey ? anchor.index : index;
      const picked: RosterRow[] = [];
      for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
        const row = rowAt(i);
        if (row) picked.push(row);
      }
      // The anchor stays where the range began, so a second Shift+click moves the range's far end.
      add(picked, listKey, anchor?.listKey === listKey ? anchor.index : index);
      announceCount();
    },
    [rowAt, listKey, announceCount],
  );

  const selectAll = useCallback(async () => {
    if (total === null) return;
    setBusy(true);
    const wanted = Math.min(total, maxSelection);
    const picked: RosterRow[] = [];
    for (let offset = 0; offset < wanted; offset += fetchLimit) {
      const result = await api.call('members.list', { ...params, offset, limit: Math.min(fetchLimit, wanted - offset) });
      if (!result.ok) {
        setBusy(false);
        announce(`The members could not be selected: ${result.error.message}`);
        return;
      }
      picked.push(...result.value.rows);
    }
    const store = useRosterSelection.getState();
    store.add(picked, listKey);
    store.markAllOf(listKey);
    setBusy(false);
    const count = useRosterSelection.getState().rows.size;
    announce(
      total > maxSelection
        ? `${selectedPhrase(count)}: the first ${formatCount(maxSelection)} of ${formatCount(total)} matching, the most one bulk action takes.`
        : selectedPhrase(count),
    );
  }, [api, params, total, listKey, announce]);

  const checked = allOf === listKey && rows.size > 0 ? true : rows.size > 0 ? 'mixed' : false;
  return {
    isSelected: (memberId) => rows.has(memberId),
    onToggle,
    onRange,
    header: {
      checked,
      busy,
      label: 'Select all matching members',
      onClick: () => {
        if (checked === true) {
          useRosterSelection.getState().clear();
          announceCount();
        } else void selectAll();
      },
    },
  };
}
