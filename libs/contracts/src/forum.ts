/**
 * The forum's shared words: what the API accepts and the web offers. See docs/API.md "Forum".
 */

/** Why a post is flagged (POST /api/posts/{id}/flags). Guests, and muted members, may raise `crisis` only. */
export const FLAG_REASONS = ['crisis', 'harassment', 'personal_info', 'spam', 'off_topic', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** A post's state. `deleted` and `hidden` posts keep their place in the thread without their text. */
export const CONTENT_STATUSES = ['published', 'pending', 'rejected', 'hidden', 'deleted'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
