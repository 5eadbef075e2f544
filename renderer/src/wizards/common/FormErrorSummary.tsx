import { useEffect, useId, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { fieldId } from '../../components/form';
import { focusField } from './ErrorSummary';
import { flattenErrors } from './flatten-errors';
import './wizard.css';

/**
 * A one-step form's problems after a refused submit (dialogs: invitations, bulk choices), all at once
 * and linked to their fields, as the wizards' summary lists them. It takes focus on every refused
 * submit, so the form should not also move focus to its first field (`shouldFocusError: false`).
 */
export function FormErrorSummary() {
  const { control } = useFormContext();
  const { errors, isSubmitted, submitCount } = useFormState({ control });
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const fields = flattenErrors(errors).filter((e) => e.name !== 'root.server');

  const focusedSubmit = useRef(0);
  useEffect(() => {
    if (fields.length === 0 || submitCount <= focusedSubmit.current || !ref.current) return;
    focusedSubmit.current = submitCount;
    ref.current.focus();
  });

  const onLink = (name: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    // Hash routing: a plain #anchor would be taken for a route.
    e.preventDefault();
    focusField(name);
  };

  if (!isSubmitted || fields.length === 0) return null;
  return (
    <div className="wz-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h3 id={titleId} className="wz-summary-title">
        Check these before going on
      </h3>
      <ul className="wz-summary-list">
        {fields.map((f) => (
          <li key={f.name}>
            <a href={`#${fieldId(f.name)}`} onClick={onLink(f.name)}>
              {f.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
