import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  /** When the data last arrived. */
  loadedAt?: number;
  reload(): void;
}

/**
 * Loads data when its inputs change, and again on `reload()` or every `refreshMs` — keeping the old data on screen
 * while the next arrives (no flicker on auto refresh); an answer to an outdated request is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], refreshMs?: number): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ loading: true });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => ticket === latest.current && setState({ data, loading: false, loadedAt: Date.now() }),
      (error: unknown) => ticket === latest.current && setState((previous) => ({ ...previous, error, loading: false })),
    );
  }, []);

  useEffect(() => {
    setState({ loading: true });
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
