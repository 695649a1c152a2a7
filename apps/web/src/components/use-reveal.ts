import { useEffect, useRef, type RefObject } from 'react';
import { useAnnounce } from './announcer';

/** Frames after a reveal in which a late layout change (a list growing above) is corrected. */
const SETTLE_FRAMES = 20;

function offScreen(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  return r.top < 0 || r.top > window.innerHeight - 48;
}

/**
 * Something a person must see the moment it appears (the crisis help): its box is scrolled to the
 * top of the screen, focus moves to its heading (tabIndex=-1) and `message` is said politely. Runs
 * again whenever `revision` changes (the same help shown anew). While focus stays on the heading,
 * a layout change in the next frames (a reply added above it, a keyboard closing) is corrected.
 */
export function useReveal(
  box: RefObject<HTMLElement | null>,
  heading: RefObject<HTMLElement | null>,
  message: string,
  revision: unknown,
): void {
  const say = useAnnounce();
  const shown = useRef<{ revision: unknown } | null>(null);
  const frame = useRef(0);

  // After every render, but acting only on a new revision: the help is revealed once per showing.
  useEffect(() => {
    if (shown.current && shown.current.revision === revision) return;
    shown.current = { revision };
    const reveal = () => {
      box.current?.scrollIntoView({ block: 'start', inline: 'nearest' });
      heading.current?.focus({ preventScroll: true });
    };
    reveal();
    say(message, 'polite');
    let frames = 0;
    const check = () => {
      const h = heading.current;
      if (!h || document.activeElement !== h) return;
      if (offScreen(h)) reveal();
      if (++frames < SETTLE_FRAMES) frame.current = window.requestAnimationFrame(check);
    };
    window.cancelAnimationFrame(frame.current);
    frame.current = window.requestAnimationFrame(check);
  });
  useEffect(() => () => window.cancelAnimationFrame(frame.current), []);
}
