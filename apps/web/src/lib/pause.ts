// "Ta en pause": the server keeps the break (user.breakUntil) where it supports it; until then, or
// if it does not, the break is kept on this device.
import type { User } from '../api/types';

const key = (userId: string) => `erf.break.${userId}`;

export function localBreak(userId: string): string | null {
  try {
    return localStorage.getItem(key(userId));
  } catch {
    return null;
  }
}

export function setLocalBreak(userId: string, until: string | null): void {
  try {
    if (until) localStorage.setItem(key(userId), until);
    else localStorage.removeItem(key(userId));
  } catch {
    // storage unavailable
  }
}

/** The end of the user's break if one is running now. */
export function breakUntil(user: User | null): Date | null {
  if (!user) return null;
  const candidates = [user.breakUntil, localBreak(user.id)].filter((v): v is string => !!v).map((v) => new Date(v));
  const running = candidates.filter((d) => !Number.isNaN(d.getTime()) && d.getTime() > Date.now());
  if (running.length === 0) return null;
  return running.reduce((a, b) => (a > b ? a : b));
}
