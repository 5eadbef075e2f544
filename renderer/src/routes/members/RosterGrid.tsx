import { useCallback, useEffect, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, MouseEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { Range } from '@tanstack/react-virtual';
import type { RosterRow } from '@shared/contract/schemas/member';
import type { RosterSortColumn } from '@shared/contract/methods/members';
import type { RosterSort } from '../../state/roster-view-store';
import { RosterHeader } from './RosterHeader';
import { RosterCells } from './RosterCells';
import type { FamilyPlace } from './RosterCells';
import { rosterColumns, rosterTrack } from './columns';
import { SelectCell } from './SelectCell';
import type { RowSelection } from './SelectCell';

// Fixed heights keep scroll math exact for any row count (no measuring 100k rows); roster.css matches.
export const rowHeight = 36;
const headerHeight = 36;

interface Props {
  total: number;
  rowAt: (index: number) => RosterRow | undefined;
  ensureRange: (first: number, last: number) => void;
  sort: RosterSort;
  onSort: (by: RosterSortColumn) => void;
  onOpen: (memberId: string) => void;
  activeIndex: number;
  onActiveIndex: (index: number) => void;
  initialScrollTop: number;
  onScrollTop: (top: number) => void;
  /** Put the focus on the active row once it is rendered (coming back from a member). */
  focusOnMount?: boolean;
  /** Row selection for bulk actions: a checkbox column, Space, Shift+click and Ctrl/Cmd+click; null for a role that cannot change members. */
  selection: RowSelection | null;
}

function familyPlace(rowAt: Props['rowAt'], index: number, row: RosterRow | undefined): FamilyPlace {
  if (!row) return 'alone';
  const next = rowAt(index + 1);
  const inFamily = (r: RosterRow | undefined) => r !== undefined && r.relationship !== 'subscriber' && r.subscriberId === row.subscriberId;
  if (row.relationship === 'subscriber') return inFamily(next) ? 'head' : 'alone';
  return inFamily(next) ? 'member' : 'last';
}

/**
 * The roster as an ARIA grid with one focusable row at a time (roving tabindex). Rows are virtualized;
 * the focused row is always kept rendered, so focus never falls back to the page while scrolling.
 */
export function RosterGrid(props: Props) {
  const { total, rowAt, ensureRange, sort, onSort, onOpen, onActiveIndex, initialScrollTop, onScrollTop, focusOnMount = false, selection } = props;
  const active = Math.min(props.activeIndex, Math.max(total - 1, 0));
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<number, HTMLDivElement>());
  /** Row to focus once it is rendered (a keyboard move may have to scroll it into existence first). */
  const focusPending = useRef<number | null>(focusOnMount ? active : null);
  /** The row that has keyboard focus itself (not its checkbox), whose cut-off texts show in tooltips. */
  const [focusedRow, setFocusedRow] = useState<number | null>(null);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (total > 0 && !indexes.includes(active)) indexes.push(active);
      return indexes.sort((a, b) => a - b);
    },
    [active, total],
  );

  // This build does not use the React Compiler, and the virtualizer is read afresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
    initialOffset: initialScrollTop,
    rangeExtractor,
  });

  const items = virtualizer.getVirtualItems();
  // Fetch what is on screen, not what is rendered: the pinned focused row would otherwise stretch the
  // span (row 0 to row 630 after End) and pull in every page between.
  const visible = virtualizer.range;
  const first = visible?.startIndex ?? items[0]?.index ?? 0;
  const last = visible?.endIndex ?? items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total === 0) return;
    ensureRange(first, last);
    // The focused row is rendered even when off screen; its data must be there too.
    ensureRange(active, active);
  }, [first, last, active, total, ensureRange]);

  useEffect(() => {
    if (focusPending.current === null) return;
    const element = rowRefs.current.get(focusPending.current);
    if (element) {
      element.focus({ preventScroll: true });
      focusPending.current = null;
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    focusPending.current = next;
    onActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || total === 0) return;
    const perPage = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 600) - headerHeight) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + perPage,
      PageUp: active - perPage,
      Home: 0,
      End: total - 1,
    };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
    } else if (e.key === 'Enter') {
      const row = rowAt(active);
      if (row) {
        e.preventDefault();
        onOpen(row.memberId);
      }
    } else if (e.key === ' ' && selection) {
      // Space would scroll the grid; here it ticks the focused row (Shift+Space: everything since the last tick).
      e.preventDefault();
      if (e.shiftKey) selection.onRange(active);
      else selection.onToggle(active);
    }
  };

  /** A plain click opens the member; Shift+click selects a range and Ctrl/Cmd+click ticks one, as in file lists. */
  const onRowClick = (e: MouseEvent<HTMLDivElement>, index: number, row: RosterRow | undefined) => {
    if (!row) return;
    if (selection && (e.shiftKey || e.ctrlKey || e.metaKey)) {
      e.currentTarget.focus({ preventScroll: true });
      if (e.shiftKey) selection.onRange(index);
      else selection.onToggle(index);
    } else onOpen(row.memberId);
  };

  return (
    <div
      ref={scrollRef}
      data-tour="roster-grid"
      className={`roster-scroll${selection ? ' roster-selectable' : ''}`}
      role="grid"
      aria-label="Members"
      aria-describedby="roster-summary"
      aria-multiselectable={selection ? true : undefined}
      aria-rowcount={total + 1}
      aria-colcount={rosterColumns.length + (selection ? 1 : 0)}
      // Focus lives on one row at a time (roving tabindex); the grid itself is reached only by clicking.
      tabIndex={-1}
      style={{ '--roster-columns': rosterTrack(selection !== null) } as CSSProperties}
      onScroll={(e) => onScrollTop(e.currentTarget.scrollTop)}
    >
      <RosterHeader sort={sort} onSort={onSort} selectAll={selection?.header ?? null} />
      <div role="rowgroup" className="roster-body" style={{ height: virtualizer.getTotalSize() - headerHeight }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const family = familyPlace(rowAt, item.index, row);
          const selected = row && selection ? selection.isSelected(row.memberId) : false;
          return (
            <div
              key={item.key}
              ref={(el) => {
                if (el) rowRefs.current.set(item.index, el);
                else rowRefs.current.delete(item.index);
              }}
              role="row"
              aria-rowindex={item.index + 2}
              aria-busy={row ? undefined : true}
              aria-selected={row && selection ? selected : undefined}
              tabIndex={item.index === active ? 0 : -1}
              className={`roster-row body-row family-${family}${selected ? ' is-selected' : ''}`}
              style={{ transform: `translateY(${item.start - headerHeight}px)` }}
              onFocus={(e) => {
                if (item.index !== active) onActiveIndex(item.index);
                if (e.target === e.currentTarget) setFocusedRow(item.index);
              }}
              onBlur={(e) => {
                if (e.target === e.currentTarget) setFocusedRow(null);
              }}
              // Shift+click would otherwise select the text of every row in between.
              onMouseDown={(e) => selection && e.shiftKey && e.preventDefault()}
              onClick={(e) => onRowClick(e, item.index, row)}
              onKeyDown={onKeyDown}
            >
              {selection && <SelectCell row={row} index={item.index} selected={selected} selection={selection} />}
              <RosterCells row={row} family={family} focused={focusedRow === item.index} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
