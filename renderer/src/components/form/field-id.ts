import type { ReactNode } from 'react';

/** The DOM id of a field's input, used by labels, the error summary's links and focus. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The ids that describe a field's control: its hint, elements elsewhere (a checklist), its message. */
export function fieldDescription(name: string, hint: ReactNode, error: string | undefined, also?: string): string | undefined {
  const id = fieldId(name);
  return [hint ? `${id}-hint` : null, also ?? null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}
