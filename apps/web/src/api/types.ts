// Shapes from ../shared/API.md, as the browser sees them.
import type { Role } from '#libs/contracts';

export type { Role };

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set while the user has chosen "Ta en pause" (proposed extension, see profile page). */
  breakUntil?: string | null;
}

export type Author =
  | { kind: 'user'; username: string; displayName: string; role: Role }
  | { kind: 'anonymous'; alias: string }
  | { kind: 'guest'; alias: string }
  | { kind: 'deleted' };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Category {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: 'open' | 'closed';
  moderation: 'post' | 'pre';
  allowAnonymous: boolean;
  allowGuests: boolean;
  canRead: boolean;
  canPost: boolean;
}

export interface ThreadSummary {
  id: string;
  title: string;
  author: Author;
  createdAt: string;
  lastPostAt: string;
  replyCount: number;
  pinned: boolean;
  locked: boolean;
}

export type PostStatus = 'published' | 'pending' | 'rejected' | 'hidden' | 'deleted';

export interface Post {
  id: string;
  threadId: string;
  author: Author;
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  status: PostStatus;
  mine: boolean;
  /** Author and moderators only, when rejected. */
  rejectionReason?: string;
  /** The Markdown source, where the server sends it (proposed for one's own posts, for editing). */
  body?: string;
}

/** One of the caller's own posts (GET /api/me/posts). */
export interface MyPost extends Post {
  /** Written anonymously: shown as such to its author only. */
  anonymous: boolean;
  threadTitle: string;
}

export interface Thread extends ThreadSummary {
  category: { slug: string; name: string };
  status: PostStatus;
  posts: Page<Post>;
}

export interface SupportResource {
  name: string;
  phone: string;
  url?: string;
}

export interface Notice {
  code: string;
  message: string;
}

/** Extra fields a create/edit response may carry. */
export interface WriteOutcome {
  status?: PostStatus;
  notices?: Notice[];
  support?: SupportResource[];
  staffed?: boolean;
  receiptToken?: string;
}

export interface SearchHit {
  threadId: string;
  postId: string;
  title: string;
  snippet: string;
  author: Author;
  createdAt: string;
}

export interface Receipt {
  status: PostStatus;
  rejectionReason?: string;
  link?: string;
}

export interface AppNotification {
  id: string;
  type: string;
  text: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface QueueItem {
  id: string;
  type: 'post' | 'thread' | 'flag' | 'cafe_message';
  priority: 'crisis' | 'normal';
  reasons: string[];
  createdAt: string;
  claimedBy: string | { username?: string; displayName?: string } | null;
  content: {
    threadId?: string;
    postId?: string;
    title?: string;
    bodyHtml: string;
    author: Author;
    cafeMessageId?: string;
    room?: string;
  };
  flags: { reason: string; note?: string | null; createdAt: string }[];
}

export interface ModStats {
  pending: number;
  crisisPending: number;
  flagsOpen: number;
  oldestWaitingSeconds: number | null;
  medianWaitSeconds: number | null;
  onDuty: number | boolean | string[] | { displayName?: string; username?: string }[];
}

export interface AuditEntry {
  id: string;
  /** null when the account is gone. */
  actor: { id: string; username: string } | null;
  action: string;
  /** `type`: post, thread, user, category, settings, panel_application, cafe_room, … */
  target: { type: string; id: string | null } | null;
  reason: string | null;
  createdAt: string;
}

export interface CafeRoom {
  slug: string;
  name: string;
  description: string;
  audience: 'everyone' | 'members' | 'panel';
  isOpen: boolean;
  opensAt: string | null;
  closesAt: string | null;
  participants: number;
}

export interface CafeMessage {
  id: string;
  room: string;
  author: { participantId: string; nickname: string; isHost: boolean };
  body: string;
  createdAt: string;
}

export interface Participant {
  id: string;
  nickname: string;
  isHost: boolean;
}

export interface WatchedWord {
  id: string;
  pattern: string;
  action: 'block' | 'review' | 'flag' | 'crisis';
}

export interface PanelApplication {
  id: string;
  motivation: string;
  status: 'pending' | 'approved' | 'rejected';
  /** The administrator's words to the applicant. */
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** An application as administrators see it. */
export interface AdminPanelApplication extends PanelApplication {
  applicant: { id: string; username: string; displayName: string; role: Role };
}

export type Settings = Record<string, number | boolean | string>;
