import type { ReactNode } from 'react';
import type { RequiredNote } from './use-required-note';

interface Props {
  note: RequiredNote;
  label: string;
  hint: ReactNode;
  rows: number;
  maxLength: number;
  className?: string;
}

/** A required note's label, hint, textarea and message, wired by ids so a screen reader reads them together. */
export function NoteField({ note, label, hint, rows, maxLength, className }: Props) {
  const id = note.fieldId;
  return (
    <div className={`wz-field${note.error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="wz-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="wz-hint">
        {hint}
      </p>
      <textarea
        id={id}
        className={className === undefined ? 'wz-input' : `wz-input ${className}`}
        rows={rows}
        maxLength={maxLength}
        value={note.value}
        onChange={(e) => note.set(e.target.value)}
        aria-invalid={note.error ? true : undefined}
        aria-describedby={note.error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      {note.error && (
        <p id={`${id}-error`} className="wz-error">
          {note.error}
        </p>
      )}
    </div>
  );
}
