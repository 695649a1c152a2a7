import type { Role } from '#libs/contracts';
import type {
  AuthorKind,
  CategoryFacts,
  ContentStatus,
  ModerationMode,
  PostFacts,
  ThreadFacts,
  Visibility,
} from '#libs/policy';
import { threadScope } from '../authorship/scope.js';
import type { Authored, Viewer } from '../authorship/viewer.js';

/** Rows as the forum repositories return them (raw SQL, snake_case as in the schema), and the facts the policy asks about them. */
export interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: Visibility;
  moderation: ModerationMode;
  allow_anonymous: boolean;
  allow_guests: boolean;
  position: number;
}

/** Who writes a new thread or post. */
export type NewAuthor = { kind: 'user'; userId: string } | { kind: 'anonymous'; hash: Buffer } | { kind: 'guest' };

/** The author of a thread or post, with the named author's public fields. */
interface AuthorColumns {
  author_kind: AuthorKind;
  author_id: string | null;
  username: string | null;
  display_name: string | null;
  role: Role | null;
}

export interface ThreadRow extends AuthorColumns {
  id: string;
  category_id: string;
  category_slug: string;
  category_name: string;
  visibility: Visibility;
  moderation: ModerationMode;
  allow_anonymous: boolean;
  allow_guests: boolean;
  title: string;
  author_alias: string | null;
  author_hash: Buffer | null;
  status: ContentStatus;
  pinned: boolean;
  locked: boolean;
  reply_count: number;
  created_at: Date;
  last_post_at: Date;
  /** last_post_at as text: a cursor needs PostgreSQL's full microsecond precision. */
  last_post_key: string;
  /** The opening post's content warning. */
  content_warning: string | null;
}

export interface PostRow extends AuthorColumns {
  id: string;
  thread_id: string;
  anon_hash: Buffer | null;
  alias: string | null;
  is_opening: boolean;
  body_html: string;
  body: string;
  status: ContentStatus;
  rejection_reason: string | null;
  held_reasons: string[];
  content_warning: string | null;
  created_at: Date;
  edited_at: Date | null;
  /** created_at as text, for cursors. */
  created_key: string;
  // The thread and category, for the policy's facts.
  thread_title: string;
  thread_status: ContentStatus;
  category_slug: string;
  thread_locked: boolean;
  thread_author_kind: AuthorKind;
  thread_author_id: string | null;
  thread_author_hash: Buffer | null;
  visibility: Visibility;
  moderation: ModerationMode;
  allow_anonymous: boolean;
  allow_guests: boolean;
}

export function categoryFacts(
  row: Pick<CategoryRow, 'visibility' | 'allow_anonymous' | 'allow_guests'>,
): CategoryFacts {
  return { visibility: row.visibility, allowAnonymous: row.allow_anonymous, allowGuests: row.allow_guests };
}

/** Who wrote a thread (its opening post), in the authorship module's terms. */
export function threadAuthored(row: Pick<ThreadRow, 'id' | 'author_kind' | 'author_id' | 'author_hash'>): Authored {
  return {
    authorKind: row.author_kind,
    authorId: row.author_id,
    anonHash: row.author_hash,
    scope: threadScope(row.id),
  };
}

/** Who wrote a post, in the authorship module's terms. */
export function postAuthored(row: Pick<PostRow, 'thread_id' | 'author_kind' | 'author_id' | 'anon_hash'>): Authored {
  return {
    authorKind: row.author_kind,
    authorId: row.author_id,
    anonHash: row.anon_hash,
    scope: threadScope(row.thread_id),
  };
}

export function threadFacts(row: ThreadRow, viewer: Viewer): ThreadFacts {
  return {
    category: categoryFacts(row),
    status: row.status,
    locked: row.locked,
    mine: viewer.wrote(threadAuthored(row)),
  };
}

export function postFacts(row: PostRow, viewer: Viewer): PostFacts {
  const thread: ThreadFacts = {
    category: categoryFacts(row),
    status: row.thread_status,
    locked: row.thread_locked,
    mine: viewer.wrote({
      authorKind: row.thread_author_kind,
      authorId: row.thread_author_id,
      anonHash: row.thread_author_hash,
      scope: threadScope(row.thread_id),
    }),
  };
  return { thread, status: row.status, mine: viewer.wrote(postAuthored(row)), createdAt: row.created_at };
}
