import { useState } from 'react';
import type { ReactNode } from 'react';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { FieldFrame, fieldDescription, fieldId, useFieldError } from '../../../components/form';

/**
 * A bank account number: hidden as it is typed (someone may be looking over a shoulder), with a Show
 * button to check the digits, and never offered to the browser's autofill or spelling check.
 */
export function SecretNumberField({ name, label, hint }: { name: string; label: string; hint?: ReactNode }) {
  const { register } = useFormContext<FieldValues>();
  const error = useFieldError(name);
  const [shown, setShown] = useState(false);
  const id = fieldId(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <span className="pay-secret">
        <input
          {...register(name)}
          id={id}
          type={shown ? 'text' : 'password'}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="wz-input wz-input-medium"
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescription(name, hint, error)}
        />
        <button type="button" className="button button-ghost" aria-pressed={shown} aria-controls={id} aria-label={`Show ${label.toLowerCase()}`} onClick={() => setShown((s) => !s)}>
          {shown ? 'Hide' : 'Show'}
        </button>
      </span>
    </FieldFrame>
  );
}
