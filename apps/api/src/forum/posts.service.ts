import { DirectoryReceipts } from '../directory/directory-receipts.service.js';
import { Injectable } from '@nestjs/common';
import type { EditContext, Policy } from '#libs/policy';
import { webRoutes } from '#libs/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Authorship } from '../authorship/authorship.service.js';
import type { Viewer } from '../authorship/viewer.js';
import { badRequest, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { ContentRenderer } from './content-renderer.service.js';
import type { CreatedPostDto, CreatePostDto, MyPostDto, PostDto, ReceiptDto } from './dto/post.dto.js';
import { postFacts, threadFacts, type NewAuthor, type PostRow, type ThreadRow } from './forum-rows.js';
import { ForumWriter, receiptCodeHash, sha256 } from './forum-writer.service.js';
import { normalizeReceiptCode } from './receipt-code.js';
import { toMyPostDto, toPostDto } from './forum.mappers.js';
import { HoldingService } from './holding.service.js';
import { LockedWrite } from './locked-write.service.js';
import { OwnAnonymousThreads } from './own-anonymous-threads.service.js';
import { PostsRepository } from './posts.repository.js';
import { ContentWarningsService } from '../reader-safety/content-warnings.service.js';
import {
  noReactions,
  ReaderFilters,
  type ReactionCounts,
  type Readable,
} from '../reader-safety/reader-filters.service.js';
import { SharedRows, sharedKey } from '../page-cache/shared-rows.service.js';

const RECEIPT_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Held and rejected posts one shared page may carry beside its public ones. */
const HELD_IN_A_PAGE = 100;

@Injectable()
export class PostsService {
  constructor(
    private readonly posts: PostsRepository,
    private readonly ownThreads: OwnAnonymousThreads,
    private readonly locked: LockedWrite,
    private readonly writer: ForumWriter,
    private readonly holding: HoldingService,
    private readonly renderer: ContentRenderer,
    private readonly authorship: Authorship,
    private readonly settings: SettingsService,
    private readonly limits: RateLimitService,
    private readonly audit: AuditService,
    private readonly reader: ReaderFilters,
    private readonly warnings: ContentWarningsService,
    private readonly directoryReceipts: DirectoryReceipts,
    private readonly shared: SharedRows,
  ) {}

  /** New threads and posts: per user, or per IP address for guests (API.md's rate limits). */
  async consumeWriteBudget(policy: Policy, ip: string): Promise<void> {
    if (policy.userId) await this.limits.consume('postsPerUser', policy.userId);
    else await this.limits.consume('postsPerGuestIp', ip);
  }

  /**
   * A page of a thread's posts, oldest first. Everyone sees the published ones and the places of
   * hidden and deleted ones; held and rejected ones only their authors (by id or by their key in
   * this thread) and moderators.
   */
  async pageOf(
    policy: Policy,
    viewer: Viewer,
    thread: ThreadRow,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<PostDto>> {
    const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | null;
    const shared = await this.sharedPage(policy, thread.id, after, limit);
    const rows = shared
      ? shared.rows.filter((r) => policy.canSeePost(postFacts(r, viewer)).allowed).slice(0, limit + 1)
      : await this.posts.pageInThread(
          policy,
          thread.id,
          { userId: viewer.userId ?? null, key: viewer.keyInThread(thread.id) },
          after,
          limit + 1,
        );
    const shownIds = rows.slice(0, limit).map((r) => r.id);
    const [reader, counts, edit] = await Promise.all([
      this.reader.readerOf(viewer, [thread.id], shownIds),
      shared ? shared.counts : this.reader.countsOf(shownIds),
      this.editContext(),
    ]);
    return toPage(
      rows,
      limit,
      (r) => [r.created_key, r.id],
      (r) =>
        toPostDto(r, policy, viewer, edit, {
          reactions: { counts: counts[r.id] ?? noReactions(), mine: reader.mine.get(r.id) ?? [] },
          collapsed: r.status === 'published' ? reader.lens.collapsed(readable(r, viewer)) : undefined,
        }),
    );
  }

  /**
   * The posts a page is made of for everyone who may read this thread, with their reaction counts,
   * shared until the content changes (decision 0042); none when more than HELD_IN_A_PAGE posts that
   * not everyone sees lie inside it (each reader's page is then read for them alone).
   */
  private async sharedPage(
    policy: Policy,
    threadId: string,
    after: [string, string] | null,
    limit: number,
  ): Promise<{ rows: readonly PostRow[]; counts: Record<string, ReactionCounts> } | null> {
    const visibilities = policy.readableVisibilities();
    const page = await this.shared.read(
      sharedKey('posts', visibilities, threadId.toLowerCase(), after, limit),
      async () => {
        const rows = await this.posts.rangeInThread(visibilities, threadId, after, limit + 1, HELD_IN_A_PAGE);
        if (rows.length === limit + 1 + HELD_IN_A_PAGE) return { complete: false, rows: [], counts: {} };
        return { complete: true, rows, counts: await this.reader.countsOf(rows.map((r) => r.id)) };
      },
      (p) => p.rows.reduce((n, r) => n + 600 + 2 * (r.body.length + r.body_html.length), 0),
    );
    return page.complete ? page : null;
  }

  /** What the edit question asks besides the post: the time now and the site's edit window. */
  private async editContext(): Promise<EditContext> {
    return { now: new Date(), editWindowMinutes: (await this.settings.get()).editWindowMinutes };
  }

  async listInThread(
    policy: Policy,
    threadId: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<PostDto>> {
    const viewer = await this.authorship.viewer(policy.userId);
    const thread = await this.locked.checkThread(policy, threadId, (t) => policy.canSeeThread(threadFacts(t, viewer)));
    return this.pageOf(policy, viewer, thread, limit, cursor);
  }

  async reply(policy: Policy, threadId: string, dto: CreatePostDto, ip: string): Promise<CreatedPostDto> {
    const anonymous = !policy.isGuest && dto.anonymous === true;
    const viewer = await this.authorship.viewer(policy.userId);
    const mayReply = (thread: ThreadRow) => policy.canReply(threadFacts(thread, viewer), { anonymous });
    const before = await this.locked.checkThread(policy, threadId, mayReply);
    await this.ensureWarning(dto.contentWarning);
    await this.consumeWriteBudget(policy, ip);

    const rendered = await this.renderer.render(dto.body);
    const decision = await this.holding.decide(policy, viewer, {
      moderation: before.moderation,
      unnamed: anonymous || policy.isGuest,
      text: rendered.text,
    });
    // The key's scope is the thread id as stored: the id in the address may be written in capitals.
    const author: NewAuthor = policy.isGuest
      ? { kind: 'guest' }
      : anonymous
        ? { kind: 'anonymous', hash: viewer.keyInThread(before.id)! }
        : { kind: 'user', userId: policy.userId! };

    const post = {
      threadId: before.id,
      title: null,
      opening: false,
      author,
      body: dto.body,
      rendered,
      reasons: decision.reasons,
      review: decision,
      contentWarning: dto.contentWarning ?? null,
      thread: before,
    };
    // One statement when it can be (ForumWriter.publishReply); otherwise the thread row is locked for
    // the whole write: a lock set meanwhile is seen, and counts can't race.
    const published = await this.writer.publishReply(before, { ...post, alias: null });
    const { row, receiptToken, receiptCode } = published
      ? { row: published, receiptToken: undefined, receiptCode: undefined }
      : await this.locked.inThread(policy, before.id, {
          reload: async (_tx, thread) => thread,
          ask: mayReply,
          work: async (tx, thread) => {
            if (author.kind === 'anonymous') await this.ownThreads.wroteIn(tx, viewer, thread.id);
            return this.writer.write(tx, {
              ...post,
              threadId: thread.id,
              alias: await this.writer.aliasFor(tx, thread.id, author),
              // The category's moderation as it is now, under the lock.
              reasons: decision.heldIn[thread.moderation],
              thread,
            });
          },
        });

    return {
      // The row as written, read back by the insert itself; nobody can have reacted to it yet.
      ...toPostDto(row, policy, viewer, await this.editContext(), { reactions: { counts: noReactions(), mine: [] } }),
      ...(await this.holding.extras(decision)),
      ...(receiptToken ? { receiptToken, receiptCode } : {}),
    };
  }

  /** A post just written, as its writer gets it back. */
  async asWriterSees(policy: Policy, viewer: Viewer, postId: string, opts: { isNew?: boolean } = {}): Promise<PostDto> {
    // Nobody can have reacted to a post that was written a moment ago.
    const reactions = opts.isNew
      ? { counts: noReactions(), mine: [] }
      : (await this.reader.reactionsOf(viewer.userId, [postId])).get(postId)!;
    return toPostDto(await this.posts.get(undefined, policy, postId), policy, viewer, await this.editContext(), {
      reactions,
    });
  }

  /** A writer's or moderator's content warning: one from the list (400 otherwise), or none. */
  ensureWarning(code: string | null | undefined): Promise<void> {
    return this.warnings.ensureKnown(code);
  }

  async edit(policy: Policy, id: string, body: string, contentWarning?: string | null): Promise<CreatedPostDto> {
    const viewer = await this.authorship.viewer(policy.userId);
    const { editWindowMinutes } = await this.settings.get();
    const mayEdit = (post: PostRow) =>
      policy.canEditPost(postFacts(post, viewer), { now: new Date(), editWindowMinutes });
    const before = await this.locked.checkPost(policy, id, mayEdit);
    await this.ensureWarning(contentWarning);
    // An edit renders and screens a whole post again: it counts against the same budget as a new one.
    if (policy.userId) await this.limits.consume('postsPerUser', policy.userId);

    const rendered = await this.renderer.render(body);
    const unnamed = before.author_kind !== 'user';
    const text = before.is_opening ? `${before.thread_title}\n${rendered.text}` : rendered.text;
    const decision = await this.holding.decide(policy, viewer, { moderation: before.moderation, unnamed, text });

    await this.locked.onPost(policy, before, mayEdit, async (tx, post) => {
      await this.writer.updateBody(
        tx,
        { id, threadId: post.thread_id, opening: post.is_opening, status: post.status, title: post.thread_title },
        body,
        rendered,
        decision.reasons,
        decision,
      );
      if (contentWarning !== undefined) await this.posts.setContentWarning(tx, id, contentWarning);
      // A moderator changing someone else's words is a moderation action.
      if (!postFacts(post, viewer).mine)
        await this.audit.record(tx, {
          actorId: policy.userId ?? null,
          action: 'edit',
          targetType: 'post',
          targetId: id,
        });
    });

    return { ...(await this.asWriterSees(policy, viewer, id)), ...(await this.holding.extras(decision)) };
  }

  async delete(policy: Policy, id: string): Promise<void> {
    const viewer = await this.authorship.viewer(policy.userId);
    const mayDelete = (post: PostRow) => policy.canDeletePost(postFacts(post, viewer));
    const before = await this.locked.checkPost(policy, id, mayDelete);
    await this.locked.onPost(policy, before, mayDelete, async (tx, post) => {
      if (post.status === 'deleted') return;
      await this.writer.softDelete(tx, { id, threadId: post.thread_id, opening: post.is_opening, status: post.status });
      if (!postFacts(post, viewer).mine)
        await this.audit.record(tx, {
          actorId: policy.userId ?? null,
          action: 'delete',
          targetType: 'post',
          targetId: id,
        });
    });
  }

  /** The caller's own posts, newest first: named ones by id, anonymous ones by their per-thread keys. */
  async mine(policy: Policy, limit: number, cursor: string | undefined): Promise<Page<MyPostDto>> {
    const viewer = await this.authorship.viewer(policy.userId);
    const keys = await this.ownThreads.keys(viewer);
    const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.posts.byAuthor(policy, policy.userId!, keys, after, limit + 1);
    const edit = await this.editContext();
    const reactions = await this.reader.reactionsOf(
      viewer.userId,
      rows.slice(0, limit).map((r) => r.id),
    );
    return toPage(
      rows,
      limit,
      (r) => [r.created_key, r.id],
      (r) => toMyPostDto(r, policy, viewer, edit, { reactions: reactions.get(r.id)! }),
    );
  }

  /** What a guest's receipt tells: published (with a link), still held, or rejected and why. */
  async receipt(token: string, ip: string): Promise<ReceiptDto> {
    const code = RECEIPT_TOKEN.test(token) ? null : normalizeReceiptCode(token);
    if (!code && !RECEIPT_TOKEN.test(token))
      throw badRequest(
        'That receipt is not valid: check that you copied all of the link, or the 12 characters of the code.',
        'invalid_token',
      );
    // A code is short enough to guess at: each address may try only so many (docs/decisions/0016).
    if (code) await this.limits.consume('receiptCodeLookupsPerIp', ip);
    const row = await this.posts.receipt(code ? { codeHash: receiptCodeHash(code) } : { tokenHash: sha256(token) });
    if (!row) {
      // A suggestion to the activity directory has a receipt of the same kind (its token; no short code).
      const suggestion = code ? null : await this.directoryReceipts.find(token);
      if (suggestion) return suggestion;
      throw notFound('There is no post with that receipt.');
    }
    const receipt: ReceiptDto = {
      status: row.status,
      isThread: row.is_opening,
      createdAt: row.created_at.toISOString(),
    };
    if (row.status === 'rejected' && row.rejection_reason) receipt.rejectionReason = row.rejection_reason;
    // The title of a thread the guest did not start is shown only while anyone may read it.
    if (row.is_opening || row.visibility === 'open') receipt.threadTitle = row.title;
    // Their own words, to read again or copy when rejected; not once a moderator hid it or it was deleted.
    if (row.status === 'pending' || row.status === 'rejected' || row.status === 'published') receipt.body = row.body;
    // A guest can't follow a link into a closed category (a moderator may have moved the thread there).
    if (row.status === 'published' && row.visibility === 'open')
      receipt.link = webRoutes.post(row.thread_id, row.post_id);
    return receipt;
  }
}

/** A post as the reader's lens looks at it. */
function readable(r: PostRow, viewer: Viewer): Readable {
  return {
    threadId: r.thread_id,
    authorKind: r.author_kind,
    authorId: r.author_id,
    anonHash: r.anon_hash,
    warning: r.content_warning,
    text: r.is_opening ? `${r.thread_title}\n${r.body}` : r.body,
    mine: postFacts(r, viewer).mine,
  };
}
