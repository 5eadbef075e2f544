import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { WizardStep } from './steps';
import './wizard.css';

export interface WizardShellProps {
  title: string;
  /** Who or what the wizard is about ("for Dev Diaz, 100234004"). */
  subtitle?: ReactNode;
  steps: readonly WizardStep[];
  index: number;
  onBack: () => void;
  /** Next on every step but the last, where it submits. */
  onNext: () => void;
  /** The last step's button ("Submit enrollment"). */
  submitLabel: string;
  busy?: boolean;
  /** Saves the draft and leaves; the draft is resumed from Activity or the same link. */
  onSaveAndClose?: () => void;
  /** Leaves without saving, for a wizard that keeps no draft (a payment: its numbers are entered again). */
  onCancel?: () => void;
  /** Deletes the draft and leaves (asks first). */
  onDiscard?: () => void;
  /** "Draft saved 09:41" and the like, read out politely. */
  saveStatus?: ReactNode;
  /** The error summary, above the step's fields. */
  summary?: ReactNode;
  children: ReactNode;
}

/**
 * The frame every wizard shares: title, the list of steps (the current one marked for screen
 * readers), the step's heading (which takes focus when the step changes, so keyboard and screen
 * reader users start at the top of the new step), the error summary, and Back / Next / Save and close.
 */
export function WizardShell(props: WizardShellProps) {
  const { title, subtitle, steps, index, onBack, onNext, submitLabel, busy = false, onSaveAndClose, onCancel, onDiscard, saveStatus, summary, children } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const step = steps[index];
  const isLast = index === steps.length - 1;

  // On opening and on every step change: keyboard and screen reader users start at the step's top.
  // A refused submission moves to the step of its first field with the summary focused: keep it there.
  useEffect(() => {
    if (document.activeElement?.closest('.wz-summary')) return;
    headingRef.current?.focus();
  }, [index]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onNext();
  };

  return (
    <div className="page wz">
      <div className="page-header">
        <div>
          <h1 className="page-title">{title}</h1>
          {subtitle && <p className="page-meta">{subtitle}</p>}
        </div>
        {saveStatus && (
          <p className="wz-save-status" role="status">
            {saveStatus}
          </p>
        )}
      </div>
      <div className="wz-layout">
        <nav aria-label="Steps" className="wz-steps">
          <ol>
            {steps.map((s, i) => (
              <li key={s.id} className={i === index ? 'is-current' : i < index ? 'is-done' : undefined} aria-current={i === index ? 'step' : undefined}>
                <span className="wz-step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span>
                  {s.label}
                  {i < index && <span className="visually-hidden"> (done)</span>}
                </span>
              </li>
            ))}
          </ol>
        </nav>
        <form className="wz-body card" onSubmit={onSubmit} noValidate aria-labelledby="wz-step-title" data-tour={step?.tour}>
          <h2 id="wz-step-title" className="wz-step-title" tabIndex={-1} ref={headingRef}>
            <span className="wz-step-of">
              Step {index + 1} of {steps.length}
              <span className="visually-hidden">:</span>
            </span>{' '}
            {step?.label}
          </h2>
          {summary}
          <div className="wz-fields">{children}</div>
          <div className="wz-actions">
            <div className="wz-actions-main">
              {index > 0 && (
                <button type="button" className="button" onClick={onBack} disabled={busy}>
                  Back
                </button>
              )}
              <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
                {isLast ? submitLabel : 'Next'}
              </button>
            </div>
            <div className="wz-actions-side">
              {onSaveAndClose ? (
                <button type="button" className="button button-ghost" onClick={onSaveAndClose} disabled={busy}>
                  Save and close
                </button>
              ) : (
                onCancel && (
                  <button type="button" className="button button-ghost" onClick={onCancel} disabled={busy}>
                    Cancel
                  </button>
                )
              )}
              {onDiscard &&
                (confirmDiscard ? (
                  <span className="wz-confirm" role="group" aria-label="Discard this draft?">
                    <span>Discard what you entered?</span>
                    <button type="button" className="button wz-danger" onClick={onDiscard}>
                      Discard
                    </button>
                    <button type="button" className="button" onClick={() => setConfirmDiscard(false)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button type="button" className="button button-ghost" onClick={() => setConfirmDiscard(true)} disabled={busy}>
                    Discard
                  </button>
                ))}
            </div>
          </div>
        </form>
      </div>
    </div>
  );
}
