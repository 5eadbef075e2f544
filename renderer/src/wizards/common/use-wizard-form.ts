import { useCallback, useMemo, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { ContractError } from '@shared/contract';
import { routeServerError } from './server-errors';
import type { WizardStep } from './steps';

export interface WizardForm<T extends FieldValues> {
  form: UseFormReturn<T>;
  steps: readonly WizardStep[];
  index: number;
  step: WizardStep;
  isLast: boolean;
  /** Validates the current step; moves on when it passes, otherwise shows the error summary. */
  next: () => Promise<boolean>;
  back: () => void;
  /** Jumps to a step by id (a resumed draft, "Change" links on the review step). */
  goTo: (id: string) => void;
  /** The error summary is shown after a failed Next or a refused submission, until the errors are fixed. */
  summaryVisible: boolean;
  /** Bumped on every failed attempt, so the summary takes focus again. */
  attempt: number;
  /** Puts a refused submission's field messages on their fields and goes to the first such step. */
  showServerError: (error: ContractError, aliases?: Readonly<Record<string, string>>) => void;
}

/**
 * One react-hook-form for the whole wizard, validated step by step: the resolver is the current
 * step's zod schema, so typing checks only what is on screen and Next checks the whole step.
 * Values of the other steps stay in the form (a step's inputs unmount but keep their values).
 */
export function useWizardForm<T extends FieldValues>({ steps, defaultValues }: { steps: readonly WizardStep[]; defaultValues: DefaultValues<T> }): WizardForm<T> {
  const [index, setIndex] = useState(0);
  const [summaryVisible, setSummaryVisible] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const step = steps[Math.min(index, steps.length - 1)] as WizardStep;
  // A step schema checks only its slice of T, so its types cannot line up with the whole form's.
  const resolver = useMemo(() => (step.schema ? (zodResolver(step.schema as never) as unknown as Resolver<T>) : undefined), [step]);
  // onTouched: a field is checked once the user leaves it, then on every keystroke until it is right.
  // Once Next has failed, every change is checked at once, so a fixed field (a radio button that was
  // never focused, say) loses its message and leaves the summary without waiting for a blur.
  // react-hook-form reads the mode from the latest options on each change.
  const form = useForm<T>({ mode: summaryVisible ? 'onChange' : 'onTouched', defaultValues, resolver, shouldUnregister: false });

  const failed = useCallback(() => {
    setSummaryVisible(true);
    setAttempt((a) => a + 1);
  }, []);

  const next = useCallback(async () => {
    const valid = await form.trigger();
    if (!valid) {
      failed();
      return false;
    }
    setSummaryVisible(false);
    setIndex((i) => Math.min(i + 1, steps.length - 1));
    return true;
  }, [form, failed, steps.length]);

  const back = useCallback(() => {
    setSummaryVisible(false);
    form.clearErrors();
    setIndex((i) => Math.max(i - 1, 0));
  }, [form]);

  const goTo = useCallback(
    (id: string) => {
      const target = steps.findIndex((s) => s.id === id);
      if (target < 0) return;
      setSummaryVisible(false);
      form.clearErrors();
      setIndex(target);
    },
    [form, steps],
  );

  const showServerError = useCallback(
    (error: ContractError, aliases?: Readonly<Record<string, string>>) => {
      const routed = routeServerError(error, steps, aliases);
      form.clearErrors();
      if (routed.stepIndex >= 0) setIndex(routed.stepIndex);
      for (const [path, message] of routed.fields) form.setError(path as Path<T>, { type: 'server', message });
      form.setError('root.server', { type: error.code, message: error.message });
      failed();
    },
    [form, steps, failed],
  );

  return { form, steps, index, step, isLast: index === steps.length - 1, next, back, goTo, summaryVisible, attempt, showServerError };
}
