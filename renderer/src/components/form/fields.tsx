import type { InputHTMLAttributes, ReactNode } from 'react';
import { get, useFormContext, useFormState, type FieldValues } from 'react-hook-form';
import { formatDatesIn } from '../format';
import { fieldDescription as describedBy, fieldId } from './field-id';
import './fields.css';

/**
 * The form-field kit of every form (wizards, account, access, bill pay, users): each field reads the
 * form from react-hook-form's FormProvider and takes its id from `fieldId(name)`, so an error summary's
 * link can focus it; label, hint, control and message are wired by ids so a screen reader reads them
 * together.
 */

/**
 * The message react-hook-form holds for a field, or undefined, with its dates in the reader's format:
 * the shared rules the forms check write them as ISO plan dates, as the core and the plan do.
 */
export function useFieldError(name: string): string | undefined {
  const { control } = useFormContext<FieldValues>();
  const { errors } = useFormState({ control, name });
  const error = get(errors, name) as { message?: unknown } | undefined;
  return typeof error?.message === 'string' && error.message !== '' ? formatDatesIn(error.message) : undefined;
}

interface FrameProps {
  name: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  error?: string | undefined;
  /** Something worth a second look that does not stop the form (an unlikely age); an error replaces it. */
  warning?: string | null | undefined;
  children: ReactNode;
}

/** Label, hint, control and message, wired by ids so a screen reader reads them with the control. */
export function FieldFrame({ name, label, hint, optional, error, warning, children }: FrameProps) {
  const id = fieldId(name);
  return (
    <div className={`wz-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="wz-label">
        {label}
        {optional && <span className="wz-optional"> (optional)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="wz-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="wz-error">
          {error}
        </p>
      )}
      {!error && warning && (
        <p id={`${id}-warning`} className="wz-warning">
          {warning}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type' | 'size'>;

export interface TextFieldProps extends InputProps {
  name: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  type?: 'text' | 'email' | 'tel' | 'password' | 'url';
  /** `short` for ZIP, state and the like; `medium` for dates and phone numbers. */
  size?: 'short' | 'medium' | 'long';
  /** An element elsewhere that also describes the input (the password checklist). */
  describedBy?: string;
}

export function TextField({ name, label, hint, optional, type = 'text', size = 'long', describedBy: also, ...rest }: TextFieldProps) {
  const { register } = useFormContext<FieldValues>();
  const error = useFieldError(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} optional={optional} error={error}>
      {/* Names, codes, addresses and user IDs are not dictionary words: spelling marks would only distract. */}
      <input
        spellCheck={false}
        {...rest}
        {...register(name)}
        id={fieldId(name)}
        type={type}
        className={`wz-input wz-input-${size}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error, also)}
      />
    </FieldFrame>
  );
}

/** A calendar date as the plan uses it (`YYYY-MM-DD`), with the browser's date picker. */
export function DateField({
  name,
  label,
  hint,
  optional,
  min,
  max,
  warning,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  min?: string;
  max?: string;
  warning?: string | null;
}) {
  const { register } = useFormContext<FieldValues>();
  const error = useFieldError(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} optional={optional} error={error} warning={warning}>
      <input
        {...register(name)}
        id={fieldId(name)}
        type="date"
        min={min}
        max={max}
        className="wz-input wz-input-medium"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error, undefined, warning ?? undefined)}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
  /** A second line under a radio's label (why this date, what this costs). */
  detail?: ReactNode;
  disabled?: boolean;
}

export function SelectField({ name, label, hint, optional, options, placeholder = 'Choose…' }: { name: string; label: string; hint?: ReactNode; optional?: boolean; options: readonly Option[]; placeholder?: string }) {
  const { register } = useFormContext<FieldValues>();
  const error = useFieldError(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} optional={optional} error={error}>
      <select {...register(name)} id={fieldId(name)} className="select wz-select" aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of controls under one legend (choices, checkboxes), its hint and message wired by ids to the fieldset. */
export function FieldsetFrame({ name, label, hint, children }: { name: string; label: string; hint?: ReactNode; children: ReactNode }) {
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <fieldset id={id} className={`wz-field wz-fieldset${error ? ' has-error' : ''}`} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? true : undefined}>
      <legend className="wz-label">{label}</legend>
      {hint && (
        <p id={`${id}-hint`} className="wz-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="wz-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Choices shown at once (few options, or options that need a line of explanation each). */
export function RadioGroupField({ name, label, hint, options, inline = false }: { name: string; label: string; hint?: ReactNode; options: readonly Option[]; inline?: boolean }) {
  const { register } = useFormContext<FieldValues>();
  const id = fieldId(name);
  return (
    <FieldsetFrame name={name} label={label} hint={hint}>
      <div className={inline ? 'wz-radios wz-radios-inline' : 'wz-radios'}>
        {options.map((o) => (
          <label key={o.value} className="wz-radio">
            <input {...register(name)} type="radio" value={o.value} disabled={o.disabled} id={`${id}-${o.value}`} />
            <span>
              {o.label}
              {o.detail && <span className="wz-radio-detail">{o.detail}</span>}
            </span>
          </label>
        ))}
      </div>
    </FieldsetFrame>
  );
}

export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: ReactNode }) {
  const { register } = useFormContext<FieldValues>();
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <div className={`wz-field wz-check${error ? ' has-error' : ''}`}>
      <label className="wz-radio" htmlFor={id}>
        <input {...register(name)} type="checkbox" id={id} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? true : undefined} />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={`${id}-hint`} className="wz-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="wz-error">
          {error}
        </p>
      )}
    </div>
  );
}
