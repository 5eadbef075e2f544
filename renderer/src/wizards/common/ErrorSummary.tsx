import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useFormState, type Control, type FieldValues } from 'react-hook-form';
import { flattenErrors } from './flatten-errors';
import { fieldId } from '../../components/form';
import { stepOwns, type WizardStep } from './steps';

/** Moves focus to a field: the input itself, or the first input of a radio group or a section. */
export function focusField(name: string): boolean {
  const el = document.getElementById(fieldId(name));
  if (!el) return false;
  const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea');
  (target ?? el).focus();
  return true;
}

/**
 * What stops the user going on, as links to the fields (GOV.UK error summary pattern). It takes
 * focus on every failed attempt so a screen reader hears the problems at once.
 */
export function ErrorSummary<T extends FieldValues>({ control, step, attempt, visible }: { control: Control<T>; step: WizardStep; attempt: number; visible: boolean }) {
  const { errors } = useFormState({ control });
  const ref = useRef<HTMLDivElement>(null);
  const all = flattenErrors(errors);
  const server = all.find((e) => e.name === 'root.server');
  const fields = all.filter((e) => e.name !== 'root.server' && stepOwns(step, e.name));

  // Once per failed attempt, as soon as the summary is on screen (a refused submission's errors can
  // arrive a render after the attempt is counted).
  const focusedAttempt = useRef(0);
  useEffect(() => {
    if (attempt <= focusedAttempt.current || !ref.current) return;
    focusedAttempt.current = attempt;
    ref.current.focus();
  });

  const onLink = (name: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    // Hash routing: a plain #anchor would be taken for a route.
    e.preventDefault();
    focusField(name);
  };

  if (!visible || (server === undefined && fields.length === 0)) return null;
  return (
    <div className="wz-summary" role="alert" aria-labelledby="wz-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="wz-summary-title" className="wz-summary-title">
        {server ? 'This could not be submitted' : 'Check these before going on'}
      </h2>
      {server && <p className="wz-summary-message">{server.message}</p>}
      {fields.length > 0 && (
        <ul className="wz-summary-list">
          {fields.map((f) => (
            <li key={f.name}>
              <a href={`#${fieldId(f.name)}`} onClick={onLink(f.name)}>
                {f.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
