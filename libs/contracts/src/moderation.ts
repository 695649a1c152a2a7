/**
 * Moderation's shared words and the Socket.IO /mod contract. See docs/API.md "Moderation".
 */

/**
 * Canned reasons a moderator can pick when rejecting (or write their own), served by
 * GET /api/mod/reasons. `text` is what the author is told, in Norwegian whatever the moderator's
 * language (the web shows moderators a translation, `mod.canned.<code>` in its locale files).
 */
export const CANNED_REJECTION_REASONS = [
  {
    code: 'personal_details',
    text: 'Innlegget inneholdt personopplysninger som kunne identifisere deg eller andre. Skriv det gjerne på nytt uten dem.',
  },
  { code: 'disrespectful', text: 'Innlegget brøt med retningslinjen om å vise respekt for andre.' },
  {
    code: 'names_staff_or_patients',
    text: 'Innlegget navnga ansatte, pasienter eller pårørende. Beskriv gjerne erfaringen uten navn.',
  },
  {
    code: 'medical_advice',
    text: 'Innlegget ga råd om medisiner eller behandling, som forumet ikke kan gi. Fortell gjerne hva som har hjulpet deg.',
  },
  { code: 'off_topic', text: 'Innlegget passet ikke i denne kategorien.' },
  { code: 'spam', text: 'Innlegget så ut som reklame eller søppelpost.' },
  { code: 'duplicate', text: 'Det samme var allerede skrevet i en annen tråd.' },
] as const;
export type CannedReasonCode = (typeof CANNED_REJECTION_REASONS)[number]['code'];
export const CANNED_REASON_CODES: readonly CannedReasonCode[] = CANNED_REJECTION_REASONS.map((r) => r.code);

/**
 * Why an item is in the queue (`QueueItem.reasons`): why a post was held (`category_pre`, `guest`,
 * `new_member`, `personal_details`, `watched_word`), a crisis, the reasons of its flags, or a
 * report in the café.
 */
export const QUEUE_REASONS = [
  'category_pre',
  'guest',
  'new_member',
  'personal_details',
  'watched_word',
  'crisis',
  'harassment',
  'personal_info',
  'spam',
  'off_topic',
  'other',
  'report',
] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

/** What a sanction does: a warning, a mute (may read, not write) or a ban (logged out everywhere). */
export const SANCTION_KINDS = ['warn', 'mute', 'ban'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** What a watched word does to a text that holds it. */
export const WATCHED_ACTIONS = ['block', 'review', 'flag', 'crisis'] as const;
export type WatchedAction = (typeof WATCHED_ACTIONS)[number];

/** The audit log's action names (GET /api/mod/audit?action=). */
export const AUDIT_ACTIONS = [
  'approve',
  'reject',
  'undo',
  'hide',
  'restore',
  'lock',
  'unlock',
  'pin',
  'unpin',
  'move',
  'sanction',
  'sanction_lift',
  'reveal',
  'role',
  'settings',
  'watched_word',
  'category',
  'cafe_moderate',
  'password_reset',
  'panel_application',
  'edit',
  'delete',
  'claim',
  'cafe_room',
  'content_warning',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What waits in the queue: every item, and the crisis items among them. */
export interface QueueCounts {
  pending: number;
  crisisPending: number;
}

/** Socket.IO /mod (moderators only): the server's events. The namespace takes no client events. */
export interface ModServerEvents {
  /** On connecting, and whenever the queue changes. */
  'queue:changed'(counts: QueueCounts): void;
}
