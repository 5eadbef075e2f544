import { useState } from 'react';
import type { ReactNode } from 'react';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { fieldDescription, fieldId } from './field-id';
import { FieldFrame, useFieldError } from './fields';

/**
 * A full SSN, hidden as it is typed (so it is not shown to someone looking over the shoulder) with a
 * Show toggle. Masked with CSS rather than `type="password"`: a password input in a form makes the
 * browser offer to save the SSN in its password manager. The value never goes to a log; drafts keep
 * it in `secrets`, encrypted at rest (useWizardDraft).
 */
export function SsnField({ name, label = 'Social Security number', hint, optional }: { name: string; label?: string; hint?: ReactNode; optional?: boolean }) {
  const { register } = useFormContext<FieldValues>();
  const error = useFieldError(name);
  const [revealed, setRevealed] = useState(false);
  const id = fieldId(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} optional={optional} error={error}>
      <div className="wz-inline">
        <input
          {...register(name)}
          id={id}
          type="text"
          data-masked={revealed ? undefined : 'true'}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={11}
          placeholder="123-45-6789"
          className="wz-input wz-input-medium mono"
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescription(name, hint, error)}
        />
        <button type="button" className="button button-ghost" aria-pressed={revealed} aria-controls={id} aria-label={`Show ${label}`} onClick={() => setRevealed((r) => !r)}>
          Show
        </button>
      </div>
    </FieldFrame>
  );
}
