import { relationshipLabels } from '@shared/domain/relationships';
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Dialog } from 'radix-ui';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '../api/use-query';
import { useGroupStore } from '../state/group-store';
import { useDebounced } from './use-debounced';
import { formatDate, fullName } from './format';
import { StatusBadge } from './StatusBadge';
import { tutorials } from '@shared/help/tutorials';
import { searchTutorials } from '../help/search-tutorials';

const isPaletteShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k';

/**
 * Ctrl/Cmd+K: find a member from anywhere, or with `?` first, a task in Help. A combobox over a
 * listbox (focus stays in the input, arrows move the active option), so typing and choosing never
 * fight over focus.
 */
export function CommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPaletteShortcut(e)) return;
      e.preventDefault();
      onOpenChange(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onOpenChange]);

  // Opened by a shortcut from anywhere, so there is no Radix trigger to return to: remember what had
  // focus, and fall back to the page content when that is gone (e.g. after opening a member).
  const returnTo = useRef<Element | null>(null);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog palette"
          aria-describedby={undefined}
          onOpenAutoFocus={() => {
            returnTo.current = document.activeElement;
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            const target = returnTo.current instanceof HTMLElement && returnTo.current.isConnected ? returnTo.current : document.getElementById('main');
            target?.focus();
          }}
        >
          <Dialog.Title className="visually-hidden">Search members</Dialog.Title>
          {open && <PaletteSearch onDone={() => onOpenChange(false)} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function PaletteSearch({ onDone }: { onDone: () => void }) {
  const groupNumber = useGroupStore((s) => s.groupNumber);
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 150);
  const listId = useId();
  // `?` turns the palette to Help: its tasks match at once (they are in the bundle, not the store).
  const helpQuery = text.trimStart().startsWith('?') ? text.trimStart().slice(1).trim() : null;
  const results = useQuery('members.search', helpQuery === null && groupNumber && query ? { groupNumber, query, limit: 12 } : null);
  const rows = helpQuery === null && query && results.data ? results.data : [];
  const tasks = helpQuery === null ? [] : searchTutorials(tutorials, helpQuery).slice(0, 8);
  const count = helpQuery === null ? rows.length : tasks.length + 1;
  const current = Math.min(active, Math.max(count - 1, 0));

  const open = (memberId: string) => {
    onDone();
    void navigate({ to: '/members/$memberId', params: { memberId } });
  };

  /** In Help mode the options are the matching tasks, then Help itself. */
  const openHelp = (index: number) => {
    onDone();
    const task = tasks[index];
    if (task) void navigate({ to: '/help/$tutorialId', params: { tutorialId: task.id } });
    else void navigate({ to: '/help' });
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (count) setActive((current + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (e.key === 'Enter') {
      if (helpQuery !== null) return openHelp(current);
      const row = rows[current];
      if (row) open(row.memberId);
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <>
      <div className="palette-input-row">
        <input
          className="palette-input"
          role="combobox"
          aria-label={helpQuery === null ? 'Search members' : 'Search Help'}
          aria-expanded={count > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={count ? optionId(current) : undefined}
          placeholder="Name, member ID or last 4 of SSN; ? for Help"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <kbd className="kbd">Esc</kbd>
      </div>
      <ul id={listId} role="listbox" aria-label={helpQuery === null ? 'Matching members' : 'Help'} className="palette-list">
        {helpQuery !== null &&
          [...tasks, null].map((task, i) => (
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li key={task?.id ?? 'help'} id={optionId(i)} role="option" aria-selected={i === current} className="palette-option" onMouseMove={() => setActive(i)} onClick={() => openHelp(i)}>
              <span className="palette-name">{task ? task.title : 'Open Help'}</span>
              <span className="palette-meta">{task ? task.summary : 'Every task, and who to call at the plan'}</span>
            </li>
          ))}
        {rows.map((row, i) => (
          // Options are never focused: the combobox keeps focus and handles the keys (aria-activedescendant).
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={row.memberId}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className="palette-option"
            onMouseMove={() => setActive(i)}
            onClick={() => open(row.memberId)}
          >
            <span className="palette-name">{fullName(row)}</span>
            <span className="palette-meta">
              {row.memberId} · {relationshipLabels[row.relationship]} · born {formatDate(row.dateOfBirth)}
            </span>
            <StatusBadge status={row.status} />
          </li>
        ))}
      </ul>
      <p className="palette-footer" aria-live="polite">
        {helpQuery !== null
          ? tasks.length === 0 && helpQuery
            ? `No task matches “${helpQuery}”. Enter opens Help.`
            : '↑↓ to choose · Enter to open'
          : !query
          ? 'Type a name, a member ID or the last 4 digits of an SSN, or ? to search Help.'
          : results.status === 'error'
            ? results.error.message
            : results.status === 'loading' && !results.data
              ? 'Searching…'
              : rows.length === 0
                ? `No member matches “${query}”.`
                : `${rows.length} best ${rows.length === 1 ? 'match' : 'matches'} · ↑↓ to choose · Enter to open`}
      </p>
    </>
  );
}
