import { useId } from 'react';
import type { ReactNode } from 'react';
import { get, useFormState } from 'react-hook-form';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';

export interface FormFieldProps<V extends FieldValues, P> {
  form: UseFormReturn<V, unknown, P>;
  name: Path<V>;
  label: string;
  type: 'text' | 'password' | 'url' | 'email' | 'tel';
  autoComplete: string;
  hint?: ReactNode;
  optional?: boolean;
  inputMode?: 'url' | 'numeric' | 'email' | 'tel';
  /** An element elsewhere that also describes the input (the password checklist). */
  describedBy?: string;
  maxLength?: number;
}

/**
 * One labelled input of the account forms (sign-in, registration, verification, lock, password
 * change): label, hint, input and message wired by ids, so a screen reader reads them together.
 */
export function FormField<V extends FieldValues, P>({ form, name, label, type, autoComplete, hint, optional, inputMode, describedBy, maxLength }: FormFieldProps<V, P>) {
  const id = useId();
  const { errors } = useFormState({ control: form.control, name });
  const error = (get(errors, name) as { message?: string } | undefined)?.message;
  const described = [hint ? `${id}-hint` : null, describedBy ?? null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`settings-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="settings-label">
        {label}
        {optional && <span className="muted"> (optional)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="settings-hint">
          {hint}
        </p>
      )}
      <input
        {...form.register(name)}
        id={id}
        className="settings-input"
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      {error && (
        <p id={`${id}-error`} className="settings-error">
          {error}
        </p>
      )}
    </div>
  );
}
