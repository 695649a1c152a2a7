/** What the policy needs to know about a moderation queue item: facts, not database rows. */
export interface QueueItemFacts {
  status: 'open' | 'approved' | 'rejected' | 'hidden' | 'withdrawn';
  /** The moderator holding a claim that has not lapsed, if any. */
  claimedBy: string | null;
  /** When it was decided (for the undo window). */
  resolvedAt: Date | null;
}

export interface UndoContext {
  now: Date;
  undoWindowMinutes: number;
}
