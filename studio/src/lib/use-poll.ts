/** Calls `tick` every `ms` while `ms` is set and the tab is visible (no polling in background tabs). */
import { useEffect, useRef } from 'react';

export function usePoll(tick: () => void, ms: number | null): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (ms == null) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') latest.current();
    }, ms);
    return () => window.clearInterval(timer);
  }, [ms]);
}
