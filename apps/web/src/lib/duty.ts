// The moderator's own duty, as the server knows it (GET /api/mod/duty): one store for the switch on
// /moderering and the "På vakt" mark in the header, so neither can show what the server does not.
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../api/client';

export interface Duty {
  onDuty: boolean;
  until: string | null;
}

let current: Duty | null = null;
let owner: string | null = null;
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: Duty | null): void {
  current = next;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks the server again (after every page load, and whenever a page wants the truth now). */
export function refreshDuty(userId: string): Promise<void> {
  if (inFlight && owner === userId) return inFlight;
  owner = userId;
  const run = api.get<Duty>('/api/mod/duty').then(
    (duty) => {
      if (owner === userId) publish(duty);
    },
    () => {
      if (owner === userId) publish(null);
    },
  );
  const tracked: Promise<void> = run.finally(() => {
    if (inFlight === tracked) inFlight = null;
  });
  inFlight = tracked;
  return tracked;
}

/** Sets it on the server, then shows what the server answered. */
export async function setDuty(onDuty: boolean): Promise<Duty> {
  const duty = await api.post<Duty>('/api/mod/duty', { onDuty });
  publish(duty);
  return duty;
}

/**
 * The signed-in moderator's duty (null while unknown, or for anyone who can't be on duty). Loaded
 * from the server when `userId` is given; a shift that ends by itself ends here at its `until`.
 */
export function useDuty(userId: string | null): Duty | null {
  const duty = useSyncExternalStore(subscribe, () => current);
  useEffect(() => {
    if (!userId) {
      owner = null;
      publish(null);
      return;
    }
    if (owner !== userId || current === null) void refreshDuty(userId);
  }, [userId]);
  useEffect(() => {
    if (!userId || !duty?.until) return;
    const ms = new Date(duty.until).getTime() - Date.now();
    // Past the shift's end the server says "off"; ask it rather than guess (setTimeout caps at ~24.8 days).
    const timer = window.setTimeout(() => void refreshDuty(userId), Math.min(Math.max(0, ms) + 1000, 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [userId, duty?.until]);
  return userId ? duty : null;
}
