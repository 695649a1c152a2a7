import type { Priority } from './holding.js';

export type QueueItemType =
  'thread' | 'post' | 'flag' | 'cafe_message' | 'consultation_answer' | 'directory_suggestion';

/** An item's state machine: open until one decision closes it; a rejection can be undone for a while. */
export type QueueItemStatus = 'open' | 'approved' | 'rejected' | 'hidden' | 'withdrawn';

/** How long a rejection can be taken back. */
export const UNDO_WINDOW_MINUTES = 10;

/** A claim lapses after this long, so an item a moderator walked away from doesn't wait unseen. */
export const CLAIM_MINUTES = 15;

/** Canned reasons a moderator can pick when rejecting: one list, shared with the web (libs/contracts). */
export { CANNED_REJECTION_REASONS } from '#libs/contracts';

/** The order of the queue: crisis first, then oldest. */
export function priorityRank(priority: Priority): number {
  return priority === 'crisis' ? 0 : 1;
}

/** Merges reasons, keeping their first order and dropping repeats. */
export function mergeReasons(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
