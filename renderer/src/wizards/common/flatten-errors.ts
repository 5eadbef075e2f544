import type { FieldErrors, FieldValues } from 'react-hook-form';
import { formatDatesIn } from '../../components/format';

export interface FlatError {
  /** Dot path of the field (`dependents.0.dateOfBirth`), or `root.server` for the plan's own message. */
  name: string;
  message: string;
}

function isLeaf(value: unknown): value is { message?: unknown; type?: unknown } {
  return typeof value === 'object' && value !== null && 'type' in value && ('message' in value || 'ref' in value);
}

/**
 * Every error message in react-hook-form's nested errors, in field order, with its dot path, its
 * dates in the reader's format (the shared rules write them as ISO plan dates).
 */
export function flattenErrors<T extends FieldValues>(errors: FieldErrors<T>): FlatError[] {
  const out: FlatError[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value !== 'object' || value === null) return;
    if (isLeaf(value) && typeof value.message === 'string' && value.message !== '') out.push({ name: path, message: formatDatesIn(value.message) });
    for (const [key, child] of Object.entries(value)) {
      // `ref` is the DOM element; `type`/`message`/`types` belong to the leaf itself.
      if (key === 'ref' || key === 'type' || key === 'message' || key === 'types') continue;
      walk(child, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(errors, '');
  return out;
}
