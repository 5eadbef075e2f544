import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import type { HelpTutorial as Tutorial } from '@shared/help/tutorial-format';
import { searchTutorials } from './search-tutorials';

/**
 * The searchable list of tasks: a combobox over a listbox, as in the command palette (focus stays in
 * the box while the arrows move through the tasks and Enter opens one), with every task listed
 * before anything is typed.
 */
export function HelpSearch({ tutorials, initialQuery = '' }: { tutorials: readonly Tutorial[]; initialQuery?: string }) {
  const navigate = useNavigate();
  const [text, setText] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const listId = useId();
  const results = searchTutorials(tutorials, text);
  const current = Math.min(active, Math.max(results.length - 1, 0));
  const optionId = (i: number) => `${listId}-${i}`;

  const open = (tutorial: Tutorial) => void navigate({ to: '/help/$tutorialId', params: { tutorialId: tutorial.id } });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (results.length === 0) return;
    if (e.key === 'ArrowDown') setActive((current + 1) % results.length);
    else if (e.key === 'ArrowUp') setActive((current + results.length - 1) % results.length);
    else if (e.key === 'PageDown') setActive(results.length - 1);
    else if (e.key === 'PageUp') setActive(0);
    else if (e.key === 'Enter') open(results[current]!);
    else return;
    e.preventDefault();
  };

  return (
    <div className="help-search">
      <label className="help-search-label" htmlFor={`${listId}-input`}>
        Search the tasks
      </label>
      <input
        id={`${listId}-input`}
        className="help-search-input"
        type="search"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results.length ? optionId(current) : undefined}
        aria-describedby={`${listId}-count`}
        placeholder="Enroll, invoice, ID card…"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${listId}-count`} className="help-search-count" aria-live="polite">
        {results.length === 0
          ? `No task matches “${text.trim()}”. Try another word, or call the plan below.`
          : text.trim()
            ? `${results.length} ${results.length === 1 ? 'task matches' : 'tasks match'} · ↑↓ to choose · Enter to open`
            : `${results.length} tasks · ↑↓ to choose · Enter to open`}
      </p>
      <ul id={listId} role="listbox" aria-label="Tasks" className="help-results">
        {results.map((t, i) => (
          // Options are never focused: the combobox keeps focus and handles the keys (aria-activedescendant).
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li key={t.id} id={optionId(i)} role="option" aria-selected={i === current} className="help-result" onMouseMove={() => setActive(i)} onClick={() => open(t)}>
            <span className="help-result-title">{t.title}</span>
            <span className="help-result-summary">{t.summary}</span>
            <span className="help-result-area">{t.area}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
