import type { z } from 'zod';

export interface WizardStep {
  id: string;
  /** Shown in the step list and as the step's heading. */
  label: string;
  /**
   * Field paths, or path prefixes (`dependents` owns `dependents.0.ssn`), entered on this step: the
   * error summary lists them and a rejected submission's fields are routed back to their step.
   */
  fields: readonly string[];
  /** Checks this step's fields as the user types and on Next; a review step has none. */
  schema?: z.ZodType;
  /** The step's `data-tour` value: the wizard's form carries it while the step shows (docs/help-and-tutorials.md). */
  tour?: string;
}

/** Whether `path` is a field of `step` (the path itself or under one of its prefixes). */
export function stepOwns(step: WizardStep, path: string): boolean {
  return step.fields.some((f) => path === f || path.startsWith(`${f}.`));
}
