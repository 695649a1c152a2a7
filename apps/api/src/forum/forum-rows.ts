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
import type { Viewer } from '../anonymity/anonymity.service.js';

/** Rows as the forum queries return them (raw SQL, snake_case as in the schema). */
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

export const CATEGORY_COLUMNS =
  'c.id, c.slug, c.name, c.description, c.visibility, c.moderation, c.allow_anonymous, c.allow_guests, c.position';

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
}

/** A thread with its category and named author; `t`, `c` and `u` as aliases. */
export const THREAD_SELECT = `
  SELECT t.id, t.category_id, c.slug AS category_slug, c.name AS category_name, c.visibility, c.moderation,
         c.allow_anonymous, c.allow_guests, t.title, t.author_kind, t.author_id, t.author_alias, t.author_hash,
         u.username, u.display_name, u.role, t.status, t.pinned, t.locked, t.reply_count, t.created_at,
         t.last_post_at, t.last_post_at::text AS last_post_key
  FROM threads t
  JOIN categories c ON c.id = t.category_id AND c.visibility = ANY($1::text[])
  LEFT JOIN users u ON u.id = t.author_id`;

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
  created_at: Date;
  edited_at: Date | null;
  /** created_at as text, for cursors. */
  created_key: string;
  // The thread and category, for the policy's facts.
  thread_title: string;
  thread_status: ContentStatus;
  thread_locked: boolean;
  thread_author_kind: AuthorKind;
  thread_author_id: string | null;
  thread_author_hash: Buffer | null;
  visibility: Visibility;
  moderation: ModerationMode;
  allow_anonymous: boolean;
  allow_guests: boolean;
}

/**
 * A post with its thread, category and named author; `p`, `t`, `c` and `u` as aliases. The join on
 * the category's visibility takes $1 (the visibilities the caller may read), so a closed
 * category's content can't come back from a query that forgot to ask.
 */
export const POST_SELECT = `
  SELECT p.id, p.thread_id, p.author_kind, p.author_id, p.anon_hash, p.alias, p.is_opening, p.body_html, p.body, p.status,
         p.rejection_reason, p.held_reasons, p.created_at, p.edited_at, p.created_at::text AS created_key,
         u.username, u.display_name, u.role,
         t.title AS thread_title, t.status AS thread_status, t.locked AS thread_locked, t.author_kind AS thread_author_kind,
         t.author_id AS thread_author_id, t.author_hash AS thread_author_hash,
         c.visibility, c.moderation, c.allow_anonymous, c.allow_guests
  FROM posts p
  JOIN threads t ON t.id = p.thread_id
  JOIN categories c ON c.id = t.category_id AND c.visibility = ANY($1::text[])
  LEFT JOIN users u ON u.id = p.author_id`;

export function categoryFacts(
  row: Pick<CategoryRow, 'visibility' | 'allow_anonymous' | 'allow_guests'>,
): CategoryFacts {
  return { visibility: row.visibility, allowAnonymous: row.allow_anonymous, allowGuests: row.allow_guests };
}

export function threadFacts(row: ThreadRow, viewer: Viewer): ThreadFacts {
  return {
    category: categoryFacts(row),
    status: row.status,
    locked: row.locked,
    mine: viewer.wrote({
      authorKind: row.author_kind,
      authorId: row.author_id,
      anonHash: row.author_hash,
      scope: row.id,
    }),
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
      scope: row.thread_id,
    }),
  };
  return {
    thread,
    status: row.status,
    mine: viewer.wrote({
      authorKind: row.author_kind,
      authorId: row.author_id,
      anonHash: row.anon_hash,
      scope: row.thread_id,
    }),
    createdAt: row.created_at,
  };
}
