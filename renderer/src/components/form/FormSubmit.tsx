import { useFormContext } from 'react-hook-form';

/**
 * A form's last lines: the plan's refusal, if any, as an alert (announced when it appears), and the
 * submit button, which says what is happening and cannot be pressed twice while the form submits.
 */
export function FormSubmit({ problem, label, busyLabel }: { problem: string | null; label: string; busyLabel: string }) {
  const { formState } = useFormContext();
  return (
    <>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div>
        <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? busyLabel : label}
        </button>
      </div>
    </>
  );
}
