import { PRODUCT_ALIASES } from '#libs/content';
import type { Role } from '#libs/contracts';
import type { AuthorKind, EditContext, Policy } from '#libs/policy';
import type { Viewer } from '../authorship/viewer.js';
import { noReactions, type Collapsed, type PostReactions } from '../reader-safety/reader-filters.service.js';
import type { AuthorDto } from './dto/author.dto.js';
import type { CategoryDto } from './dto/category.dto.js';
import type { MyPostDto, PostDto, PostPageDto } from './dto/post.dto.js';
import type { ThreadDto, ThreadSummaryDto } from './dto/thread.dto.js';
import { categoryFacts, postFacts, threadFacts, type CategoryRow, type PostRow, type ThreadRow } from './forum-rows.js';

interface AuthorFields {
  kind: AuthorKind;
  authorId: string | null;
  alias: string | null;
  username: string | null;
  displayName: string | null;
  role: Role | null;
}

/**
 * The author as API.md shapes it. Anonymous and guest content shows its alias and nothing else;
 * a named author whose account is gone shows as deleted.
 */
export function toAuthor(a: AuthorFields): AuthorDto {
  if (a.kind === 'anonymous') return { kind: 'anonymous', alias: a.alias ?? PRODUCT_ALIASES.anonymous };
  if (a.kind === 'guest') return { kind: 'guest', alias: a.alias ?? PRODUCT_ALIASES.guest };
  if (!a.authorId || !a.username) return { kind: 'deleted' };
  return { kind: 'user', username: a.username, displayName: a.displayName ?? a.username, role: a.role ?? 'member' };
}

export function toCategoryDto(row: CategoryRow, policy: Policy): CategoryDto {
  const facts = categoryFacts(row);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    moderation: row.moderation,
    allowAnonymous: row.allow_anonymous,
    allowGuests: row.allow_guests,
    canRead: policy.canReadCategory(facts).allowed,
    canPost: policy.canCreateThread(facts, { anonymous: false }).allowed,
    canPostAnonymously:
      policy.canPostAnonymously(facts).allowed && policy.canCreateThread(facts, { anonymous: true }).allowed,
  };
}

/** A post without the caller's permissions: what it is, as the caller may see it. */
export type PostView = Omit<
  PostDto,
  | 'canEdit'
  | 'canDelete'
  | 'canFlag'
  | 'flagReasons'
  | 'canHide'
  | 'canRestore'
  | 'canSanction'
  | 'reactions'
  | 'myReactions'
  | 'canReact'
  | 'canIgnore'
  | 'canChangeWarning'
  | 'collapsed'
>;

/** What the reader's side adds to a post: its reactions, and whether this reader's filters fold it. */
export interface ReaderExtras {
  reactions: PostReactions;
  collapsed?: Collapsed;
}

const NO_EXTRAS: ReaderExtras = { reactions: { counts: noReactions(), mine: [] } };

/** Who there is to ignore behind a post, for the policy. */
const ignorable = (row: PostRow) => (row.author_kind === 'user' && !row.username ? 'deleted' : row.author_kind);

/**
 * The one way a post leaves the server: the author in its allowed shape, the text only for those
 * who may read it, `mine` only for the caller's own posts, a rejection reason only for the author
 * and moderators, and what the caller may do with it, as the policy answers.
 */
export function toPostDto(
  row: PostRow,
  policy: Policy,
  viewer: Viewer,
  edit: EditContext,
  reader: ReaderExtras = NO_EXTRAS,
): PostDto {
  const facts = postFacts(row, viewer);
  const actions = policy.postActions(facts, edit);
  return {
    ...postView(row, policy, viewer),
    ...(reader.collapsed ? { collapsed: reader.collapsed } : {}),
    reactions: { ...reader.reactions.counts },
    myReactions: [...reader.reactions.mine],
    canReact: policy.canReactTo(facts).allowed,
    canIgnore: policy.canIgnoreAuthorOf(facts, ignorable(row)).allowed,
    canChangeWarning: policy.can('mod.content_warnings').allowed && row.status !== 'deleted',
    canEdit: actions.edit,
    canDelete: actions.delete,
    canFlag: actions.flagReasons.length > 0,
    flagReasons: actions.flagReasons,
    canHide: actions.hide,
    canRestore: actions.restore,
    canSanction: actions.sanction,
  };
}

/** What a post is, as the caller may see it (the moderation queue shows posts through this too). */
export function postView(row: PostRow, policy: Policy, viewer: Viewer): PostView {
  const facts = postFacts(row, viewer);
  const dto: PostView = {
    id: row.id,
    threadId: row.thread_id,
    author: toAuthor({
      kind: row.author_kind,
      authorId: row.author_id,
      alias: row.alias,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
    }),
    bodyHtml: policy.canReadPostBody(facts) ? row.body_html : '',
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at ? row.edited_at.toISOString() : null,
    status: row.status,
    mine: facts.mine,
    contentWarning: row.content_warning,
  };
  if (row.status === 'rejected' && row.rejection_reason && policy.canSeeRejectionReason(facts))
    dto.rejectionReason = row.rejection_reason;
  if (policy.canSeePostSource(facts)) dto.body = row.body;
  return dto;
}

export function toMyPostDto(
  row: PostRow,
  policy: Policy,
  viewer: Viewer,
  edit: EditContext,
  reader?: ReaderExtras,
): MyPostDto {
  return {
    ...toPostDto(row, policy, viewer, edit, reader),
    anonymous: row.author_kind === 'anonymous',
    threadTitle: row.thread_title,
    opening: row.is_opening,
    categorySlug: row.category_slug,
  };
}

function threadAuthor(row: ThreadRow): AuthorDto {
  return toAuthor({
    kind: row.author_kind,
    authorId: row.author_id,
    alias: row.author_alias,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
  });
}

export function toThreadSummaryDto(row: ThreadRow, collapsed?: Collapsed): ThreadSummaryDto {
  return {
    id: row.id,
    title: row.title,
    author: threadAuthor(row),
    createdAt: row.created_at.toISOString(),
    lastPostAt: row.last_post_at.toISOString(),
    replyCount: row.reply_count,
    pinned: row.pinned,
    locked: row.locked,
    contentWarning: row.content_warning,
    ...(collapsed ? { collapsed } : {}),
  };
}

export function toThreadDto(row: ThreadRow, posts: PostPageDto, policy: Policy, viewer: Viewer): ThreadDto {
  const actions = policy.threadActions(threadFacts(row, viewer));
  return {
    ...toThreadSummaryDto(row),
    category: { slug: row.category_slug, name: row.category_name },
    status: row.status,
    posts,
    canReply: actions.reply,
    canReplyAnonymously: actions.replyAnonymously,
    canModerate: actions.moderate,
  };
}
