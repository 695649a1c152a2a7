/** Notifications and the Socket.IO /me contract. See docs/API.md "Notifications". */

export const NOTIFICATION_TYPES = [
  'approved',
  'rejected',
  'reply',
  'hidden',
  'restored',
  'sanction',
  'consultation_report',
  'consultation_follow_up',
  'consultation_overdue',
  'reactions',
  // The panel's pool (issue 16)
  'pool_interest_crisis',
  'assignment_offer',
  'assignment_cancelled',
  'assignment_handover',
  'assignment_checkin_crisis',
  'assignment_final_checkin',
  // Calendar (issue 15)
  'event_promoted',
  'event_cancelled',
  'event_reminder',
  'event_summary_due',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** A notification as it goes out live: the same shape GET /api/me/notifications lists. */
export interface LiveNotification {
  id: string;
  type: NotificationType;
  /** What happened, in words for the recipient (never the text of a post). */
  text: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Socket.IO /me (logged-in users): the server's events. The namespace takes no client events. */
export interface MeServerEvents {
  notification(notification: LiveNotification): void;
}
