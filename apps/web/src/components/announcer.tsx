// Two live regions that stay in the page, so screen readers hear what changes without focus moving.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type Politeness = 'polite' | 'assertive';
type Announce = (message: string, politeness?: Politeness) => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  const timers = useRef<number[]>([]);

  const pending = useRef<Record<Politeness, string[]>>({ polite: [], assertive: [] });

  const announce = useCallback<Announce>((message, politeness = 'polite') => {
    const set = politeness === 'assertive' ? setAssertive : setPolite;
    // Said within the same moment (two parts of one answer): said together, in order, not the last one only.
    const queue = pending.current[politeness];
    queue.push(message);
    if (queue.length > 1) return;
    // Clear first, then set: the same message twice is announced twice.
    set('');
    timers.current.push(
      window.setTimeout(() => {
        set(queue.join(' '));
        queue.length = 0;
      }, 100),
    );
  }, []);

  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="ds-sr-only" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {polite}
      </div>
      <div className="ds-sr-only" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {assertive}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
