import { useCallback, useState } from 'react';

const PREFIX = 'erf.draft.';

function read(key: string): string | null {
  try {
    return window.sessionStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null || value === '') window.sessionStorage.removeItem(PREFIX + key);
    else window.sessionStorage.setItem(PREFIX + key, value);
  } catch {
    // storage full or unavailable: the text is still on screen
  }
}

export interface Draft {
  value: string;
  set(value: string): void;
  /** After a successful send (or a cancel): the draft is gone from the device too. */
  clear(): void;
  /** True when the text on screen came back from an earlier visit (a reload), not typed now. */
  restored: boolean;
}

/**
 * What someone is writing, kept in this tab's sessionStorage under `key` (one per editor: a
 * category's new thread, a thread's reply, a post's edit, a café room) so a reload or a refused
 * send never loses it. sessionStorage, not localStorage: on a shared computer it goes with the tab.
 */
export function useDraft(key: string, initial = ''): Draft {
  const [state, setState] = useState(() => load(key, initial));
  // Another editor (another thread, another post) starts from its own draft; `initial` only seeds it.
  let current = state;
  if (state.key !== key) {
    current = load(key, initial);
    setState(current);
  }
  const set = useCallback(
    (value: string) => {
      write(key, value === initial ? null : value);
      setState({ key, value, restored: false });
    },
    [key, initial],
  );
  const clear = useCallback(() => {
    write(key, null);
    setState({ key, value: '', restored: false });
  }, [key]);
  return { value: current.value, set, clear, restored: current.restored };
}

function load(key: string, initial: string): { key: string; value: string; restored: boolean } {
  const saved = read(key);
  return { key, value: saved ?? initial, restored: saved !== null && saved !== initial };
}

/** Forgets every draft on this device (at logout: the next person at the tab must not see them). */
export function clearDrafts(): void {
  try {
    const s = window.sessionStorage;
    for (const k of Object.keys(s)) if (k.startsWith(PREFIX)) s.removeItem(k);
  } catch {
    // nothing to clear
  }
}
