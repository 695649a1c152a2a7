import { FLAG_REASONS, type ContentStatus, type FlagReason } from '#libs/contracts';

/** What the policy needs to know about forum objects: facts, not database rows. */
export type Visibility = 'open' | 'closed';
export type ModerationMode = 'post' | 'pre';
export type { ContentStatus };
export type AuthorKind = 'user' | 'anonymous' | 'guest';

export interface CategoryFacts {
  visibility: Visibility;
  allowAnonymous: boolean;
  allowGuests: boolean;
}

export interface ThreadFacts {
  category: CategoryFacts;
  status: ContentStatus;
  locked: boolean;
  /** The asking actor wrote the opening post (for anonymous ones: their keyed hash matches). */
  mine: boolean;
}

export interface PostFacts {
  thread: ThreadFacts;
  status: ContentStatus;
  /** The asking actor wrote this post (for anonymous ones: their keyed hash matches). */
  mine: boolean;
  createdAt: Date;
}

export interface WriteOptions {
  anonymous: boolean;
}

export interface EditContext {
  now: Date;
  editWindowMinutes: number;
}

export { FLAG_REASONS, type FlagReason };

/** Post statuses every reader of a thread sees a place for (deleted and hidden ones without their text). */
export const PUBLIC_POST_STATUSES: readonly ContentStatus[] = ['published', 'hidden', 'deleted'];
