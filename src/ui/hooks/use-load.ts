import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data?: T;
  /** The last attempt's failure; cleared by the next success. With `data`, the data on screen is stale. */
  error?: unknown;
  loading: boolean;
  /** When the data last arrived. */
  loadedAt?: number;
  /** Attempts that failed in a row since the data last arrived. */
  failures: number;
  reload(): void;
}

/**
 * Loads data when its inputs change, and again on `reload()` or every `refreshMs` — keeping the old data on screen
 * while the next arrives (no flicker on auto refresh) and when a refresh fails (the error says it is stale);
 * an answer to an outdated request is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], refreshMs?: number): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ loading: true, failures: 0 });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => ticket === latest.current && setState({ data, loading: false, loadedAt: Date.now(), failures: 0 }),
      (error: unknown) => ticket === latest.current && setState((previous) => ({ ...previous, error, loading: false, failures: previous.failures + 1 })),
    );
  }, []);

  useEffect(() => {
    setState({ loading: true, failures: 0 });
    run();
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!refreshMs) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') run();
    }, refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, run]);

  return { ...state, reload: run };
}
