import type { QueueReason } from '#libs/contracts';
import type { PersonalDetail } from '#libs/content';

/**
 * Why a post or thread is held for review. Stored on the post (`posts.held_reasons`) and shown to
 * moderators; the writer is told the ones that concern them.
 */
export const HOLD_REASONS = [
  'category_pre',
  'guest',
  'new_member',
  'personal_details',
  'watched_word',
] as const satisfies readonly QueueReason[];
export type HoldReason = (typeof HOLD_REASONS)[number];

/** What an administrator's watched word does to a post that matches it (the strongest match counts). */
export type WatchedAction = 'block' | 'review' | 'flag' | 'crisis';

/** Why published content is queued all the same: a watched word asked for a look, or for help now. */
export type ReviewReason = 'watched_word' | 'crisis';

export type Priority = 'crisis' | 'normal';

/** Everything the decision looks at, gathered by the caller (see apps/api/src/forum/holding.service.ts). */
export interface HoldingFacts {
  /** The category's mode: `pre` holds everything until a moderator approves it. */
  moderation: 'post' | 'pre';
  /**
   * Who writes: a guest, a member still earning trust, a trusted user, or a moderator — or a
   * member writing anonymously, whose rank must not show in how the post is handled (a published
   * anonymous post in a `pre` category would otherwise name staff, a `new_member` reason a
   * newcomer): their post is held by the category's rule and its content alone.
   */
  writer: 'guest' | 'anonymous' | 'new_member' | 'trusted' | 'moderator';
  /** Written without a name (anonymously or as a guest). */
  unnamed: boolean;
  /** What personal details the text seems to contain. */
  personalDetails: PersonalDetail[];
  /** What the watched words the text matched ask for (`block` is refused before anything is decided). */
  watched?: readonly Exclude<WatchedAction, 'block'>[];
}

/** The decision: held (and why), and whether it goes to the queue anyway, and how urgently. */
export interface HoldingOutcome {
  /** Non-empty: held until a moderator approves it. */
  held: HoldReason[];
  /** Queued even when published (a watched word's `flag` or `crisis`). */
  review: ReviewReason[];
  priority: Priority;
}

/**
 * The one function that decides whether new or edited content is held, queued, and how urgently
 * (after NodeBB's `shouldQueue`). Nothing held and nothing to review means published and not queued.
 */
export function decideHolding(facts: HoldingFacts): HoldingOutcome {
  // Moderators are the reviewers; holding or queueing their words would only send them to themselves.
  if (facts.writer === 'moderator') return { held: [], review: [], priority: 'normal' };
  const held: HoldReason[] = [];
  if (facts.moderation === 'pre') held.push('category_pre');
  // A guest can't be held to account afterwards, so everything a guest writes is read first.
  if (facts.writer === 'guest') held.push('guest');
  // Newcomers' first posts are read before they appear, even where posts publish at once.
  if (facts.writer === 'new_member') held.push('new_member');
  // Someone writing without a name may give themselves (or someone else) away without noticing.
  if (facts.unnamed && facts.personalDetails.length > 0) held.push('personal_details');
  const watched = facts.watched ?? [];
  if (watched.includes('review')) held.push('watched_word');
  const review: ReviewReason[] = [];
  // `flag` publishes as the category says but asks for a look; `crisis` asks for one first of all.
  // Crisis content is never held back for it: the writer must not feel silenced while in need.
  if (watched.includes('flag') && !held.includes('watched_word')) review.push('watched_word');
  if (watched.includes('crisis')) review.push('crisis');
  return { held, review, priority: watched.includes('crisis') ? 'crisis' : 'normal' };
}

/** The hold reasons alone: an empty list means it is published at once. */
export function holdReasons(facts: HoldingFacts): HoldReason[] {
  return decideHolding(facts).held;
}
