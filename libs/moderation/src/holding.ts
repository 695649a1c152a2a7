import type { PersonalDetail } from '#libs/content';

/**
 * Why a post or thread is held for review. Stored on the post (`posts.held_reasons`) and shown to
 * moderators; the writer is told the ones that concern them.
 */
export const HOLD_REASONS = ['category_pre', 'guest', 'new_member', 'personal_details'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** Everything the decision looks at, gathered by the caller (see apps/api/src/forum/holding.service.ts). */
export interface HoldingFacts {
  /** The category's mode: `pre` holds everything until a moderator approves it. */
  moderation: 'post' | 'pre';
  /** Who writes: a guest, a member still earning trust, a trusted user, or a moderator. */
  writer: 'guest' | 'new_member' | 'trusted' | 'moderator';
  /** Written without a name (anonymously or as a guest). */
  unnamed: boolean;
  /** What personal details the text seems to contain. */
  personalDetails: PersonalDetail[];
}

/**
 * The one function that decides whether new or edited content is held, and why (after NodeBB's
 * `shouldQueue`). An empty list means it is published at once.
 */
export function holdReasons(facts: HoldingFacts): HoldReason[] {
  // Moderators are the reviewers; holding their words would only send them to themselves.
  if (facts.writer === 'moderator') return [];
  const reasons: HoldReason[] = [];
  if (facts.moderation === 'pre') reasons.push('category_pre');
  // A guest can't be held to account afterwards, so everything a guest writes is read first.
  if (facts.writer === 'guest') reasons.push('guest');
  // Newcomers' first posts are read before they appear, even where posts publish at once.
  if (facts.writer === 'new_member') reasons.push('new_member');
  // Someone writing without a name may give themselves (or someone else) away without noticing.
  if (facts.unnamed && facts.personalDetails.length > 0) reasons.push('personal_details');
  return reasons;
}
