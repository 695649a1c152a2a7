// Two live regions that stay in the page, so screen readers hear what changes without focus moving.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type Politeness = 'polite' | 'assertive';
type Announce = (message: string, politeness?: Politeness) => void;

const AnnouncerContext = createContext<Announce>(() => undefined);
const ConfirmationContext = createContext<{ shown: string | null; show(message: string | null): void }>({
  shown: null,
  show: () => undefined,
});

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
  const [shown, setShown] = useState<string | null>(null);
  const confirmation = useMemo(() => ({ shown, show: setShown }), [shown]);
  return (
    <AnnouncerContext.Provider value={value}>
      <ConfirmationContext.Provider value={confirmation}>{children}</ConfirmationContext.Provider>
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

/**
 * A confirmation that something was done (sent, saved, lifted, claimed): announced politely, as
 * every change is, and shown on screen until the next one or until closed (issue 21.4).
 */
export function useConfirm(): (message: string) => void {
  const say = useAnnounce();
  const { show } = useContext(ConfirmationContext);
  return useCallback(
    (message: string) => {
      say(message);
      show(message);
    },
    [say, show],
  );
}

/** What `useConfirm` shows, and how it is closed. */
export function useConfirmation(): { shown: string | null; close(): void } {
  const { shown, show } = useContext(ConfirmationContext);
  return { shown, close: useCallback(() => show(null), [show]) };
}
