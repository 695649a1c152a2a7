import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface Submit<A extends unknown[]> {
  /** True while the action runs: disable the button that started it. */
  busy: boolean;
  /** What the last run threw and `onError` did not take: show it with <ErrorAlert>. */
  failure: unknown;
  /** Runs the action unless it is already running; resolves to whether it succeeded. */
  run(...args: A): Promise<boolean>;
  /** Clears the failure (e.g. when a form is cancelled or opened again). */
  reset(): void;
}

export interface SubmitOptions {
  /**
   * Sees an error first: return true when it was dealt with (e.g. shown beside its field), and
   * it does not become the `failure`.
   */
  onError?(error: unknown): boolean | void;
}

/**
 * The busy and failure state of anything a person sends: a form, a button that calls the API.
 * One run at a time, so a double click sends once.
 */
export function useSubmit<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
  options: SubmitOptions = {},
): Submit<A> {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const running = useRef(false);
  // The latest closures, so a run always uses what the form holds now.
  const latest = useRef({ action, options });
  useLayoutEffect(() => {
    latest.current = { action, options };
  });

  const run = useCallback(async (...args: A): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setFailure(undefined);
    try {
      await latest.current.action(...args);
      return true;
    } catch (error) {
      if (!latest.current.options.onError?.(error)) setFailure(error);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => setFailure(undefined), []);
  return { busy, failure, run, reset };
}
