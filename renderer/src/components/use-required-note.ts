import { useId, useState } from 'react';

export interface RequiredNote {
  /** The textarea's id; `-hint` and `-error` after it name the hint and the message. */
  fieldId: string;
  value: string;
  set: (value: string) => void;
  error: string | null;
  /** The note without its outer spaces, or null when it is empty: the message is then shown and the field focused. */
  take: () => string | null;
}

/** A note the user must write before a dialog sends it to the plan; `missing` says what to write. */
export function useRequiredNote(missing: string): RequiredNote {
  const fieldId = `${useId()}-note`;
  const [value, set] = useState('');
  const [error, setError] = useState<string | null>(null);
  const take = () => {
    const note = value.trim();
    if (note === '') {
      setError(missing);
      document.getElementById(fieldId)?.focus();
      return null;
    }
    setError(null);
    return note;
  };
  return { fieldId, value, set, error, take };
}
