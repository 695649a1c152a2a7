/** A flag's small state machine: open, then resolved (the post was acted on) or dismissed (it was fine). */
export type FlagStatus = 'open' | 'resolved' | 'dismissed';

/**
 * Whether open flags hide a post before a moderator has looked: enough of them from members in
 * good standing (one person can't silence another), and never a crisis flag on its own, which
 * asks for help for the writer, not for their silence.
 */
export function flagsHidePost(openFlagsInGoodStanding: number, threshold: number): boolean {
  return threshold > 0 && openFlagsInGoodStanding >= threshold;
}

/**
 * What closing a queue item does to the flags (or café reports) on it: resolved when the content
 * was acted on, dismissed when it was found fine or is gone.
 */
export function flagOutcome(itemStatus: 'approved' | 'rejected' | 'hidden' | 'withdrawn'): 'resolved' | 'dismissed' {
  return itemStatus === 'rejected' || itemStatus === 'hidden' ? 'resolved' : 'dismissed';
}
