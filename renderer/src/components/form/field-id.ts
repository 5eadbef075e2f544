import type { ReactNode } from 'react';

/** The DOM id of a field's input, used by labels, the error summary's links and focus. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The ids that describe a field's control: its hint, elements elsewhere (a checklist), its message, or
 * its warning when there is no message (the frame shows one or the other).
 */
export function fieldDescription(name: string, hint: ReactNode, error: string | undefined, also?: string, warning?: string): string | undefined {
  const id = fieldId(name);
  const status = error ? `${id}-error` : warning ? `${id}-warning` : null;
  return [hint ? `${id}-hint` : null, also ?? null, status].filter(Boolean).join(' ') || undefined;
}
