import { useEffect, useState } from 'react';

/** The time, read again every `everyMs`: the cut-off passes while a screen is open, and what it offers must follow. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
