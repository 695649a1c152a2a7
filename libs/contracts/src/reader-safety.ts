/** Reader safety (issue 18): shared by the API and the web. See docs/API.md "Reader safety". */

/** Gentle reactions: counted, never listed by who gave them, never used to order anything. */
export const REACTION_KINDS = ['support', 'thanks', 'same'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** Why a post is shown folded to this reader. */
export const COLLAPSE_REASONS = ['warning', 'muted_word', 'ignored'] as const;
export type CollapseReason = (typeof COLLAPSE_REASONS)[number];

export const READER_LIMITS = {
  muteWords: 50,
  muteWordChars: 40,
  contentWarnings: 30,
  /** `unansweredHours`: from 0 to 30 days. */
  unansweredHoursMax: 720,
  unansweredHoursDefault: 12,
  screeningChars: 20_000,
} as const;

/** A content warning's code: what posts store and filters name. */
export const WARNING_CODE = /^[a-z0-9-]{2,40}$/;
