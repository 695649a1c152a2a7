import type { Priority } from './holding.js';

export type QueueItemType = 'thread' | 'post' | 'flag' | 'cafe_message';

/** An item's state machine: open until one decision closes it; a rejection can be undone for a while. */
export type QueueItemStatus = 'open' | 'approved' | 'rejected' | 'hidden' | 'withdrawn';

/** How long a rejection can be taken back. */
export const UNDO_WINDOW_MINUTES = 10;

/** A claim lapses after this long, so an item a moderator walked away from doesn't wait unseen. */
export const CLAIM_MINUTES = 15;

/** Canned reasons a moderator can pick when rejecting (or write their own). Shown to the author. */
export const CANNED_REJECTION_REASONS: readonly { code: string; text: string }[] = [
  {
    code: 'personal_details',
    text: 'Innlegget inneholdt personopplysninger som kunne identifisere deg eller andre. Skriv det gjerne på nytt uten dem.',
  },
  { code: 'disrespectful', text: 'Innlegget brøt med retningslinjen om å vise respekt for andre.' },
  {
    code: 'names_staff_or_patients',
    text: 'Innlegget navnga ansatte, pasienter eller pårørende. Beskriv gjerne erfaringen uten navn.',
  },
  { code: 'off_topic', text: 'Innlegget passet ikke i denne kategorien.' },
  { code: 'spam', text: 'Innlegget så ut som reklame eller søppelpost.' },
  { code: 'duplicate', text: 'Det samme var allerede skrevet i en annen tråd.' },
];

/** The order of the queue: crisis first, then oldest. */
export function priorityRank(priority: Priority): number {
  return priority === 'crisis' ? 0 : 1;
}

/** Merges reasons, keeping their first order and dropping repeats. */
export function mergeReasons(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
