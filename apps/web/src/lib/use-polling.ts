/**
 * Live data by polling: loads at once, then again every `intervalMs` while the tab is visible, one
 * request at a time. What another supervisor did shows within one interval, without reloading.
 * A failed poll keeps the last data and reports the error; the next poll tries again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  lastUpdated: Date | null;
  /** Load now (after an action), without waiting for the next tick. */
  refresh: () => Promise<void>;
  /** Replace the data with an answer obtained elsewhere (an action's response). */
  setData: (data: T) => void;
}

export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs: number, key: string): Polled<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [lastUpdated, setLastUpdated] = useState<Date | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const inFlight = useRef<Promise<void> | null>(null);
  const controller = useRef<AbortController | null>(null);
  const generation = useRef(0);

  const run = useCallback(async (): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const mine = generation.current;
    const abort = new AbortController();
    controller.current = abort;
    let attempt: Promise<void> | null = null;
    attempt = (async () => {
      await Promise.resolve();
      try {
        const next = await loadRef.current(abort.signal);
        if (mine !== generation.current) return;
        setDataState(next);
        setError(null);
        setLastUpdated(new Date());
      } catch (caught) {
        if (mine !== generation.current || (caught instanceof DOMException && caught.name === 'AbortError')) return;
        setError(caught);
      } finally {
        if (mine === generation.current) setLoading(false);
        if (inFlight.current === attempt) inFlight.current = null;
      }
    })();
    inFlight.current = attempt;
    return attempt;
  }, []);

  useEffect(() => {
    generation.current += 1;
    controller.current?.abort();
    inFlight.current = null;
    setLoading(true);
    setDataState(undefined);
    setError(null);
    void run();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void run();
    }, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void run();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      controller.current?.abort();
    };
  }, [key, intervalMs, run]);

  const refresh = useCallback(async () => {
    if (inFlight.current) await inFlight.current;
    await run();
  }, [run]);

  const setData = useCallback((next: T) => {
    setDataState(next);
    setLastUpdated(new Date());
  }, []);

  return { data, error, loading, lastUpdated, refresh, setData };
}
