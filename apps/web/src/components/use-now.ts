import { useEffect, useState } from 'react';

/**
 * The current time for a render, refreshed every `everyMs`: reading the clock while rendering would make the
 * output depend on when React happens to render.
 */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
