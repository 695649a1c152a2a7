import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PUBLIC_POST_STATUSES, type EditContext, type Policy } from '#libs/policy';
import { AnonymityService, type Viewer } from '../anonymity/anonymity.service.js';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { badRequest, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { ContentRenderer } from './content-renderer.service.js';
import type { CreatedPostDto, CreatePostDto, MyPostDto, PostDto, ReceiptDto } from './dto/post.dto.js';
import { ForumWriter, sha256, type NewAuthor } from './forum-writer.service.js';
import { loadPost, loadThread } from './forum-queries.js';
import { POST_SELECT, postFacts, threadFacts, type PostRow, type ThreadRow } from './forum-rows.js';
import { toMyPostDto, toPostDto } from './forum.mappers.js';
import { HoldingService } from './holding.service.js';

const RECEIPT_TOKEN = /^[A-Za-z0-9_-]{43}$/;

@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: ForumWriter,
    private readonly holding: HoldingService,
    private readonly renderer: ContentRenderer,
    private readonly anonymity: AnonymityService,
    private readonly settings: SettingsService,
    private readonly limits: RateLimitService,
    private readonly audit: AuditService,
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
    const after = decodeCursor(cursor, ['date', 'uuid']);
    const rows: PostRow[] = await this.db.query(
      `${POST_SELECT}
       WHERE p.thread_id = $2
         AND (p.status = ANY($3::text[]) OR $4::boolean OR p.author_id = $5::uuid OR p.anon_hash = $6::bytea)
         AND ($7::timestamptz IS NULL OR (p.created_at, p.id) > ($7::timestamptz, $8::uuid))
       ORDER BY p.created_at, p.id
       LIMIT $9`,
      [
        policy.readableVisibilities(),
        thread.id,
        PUBLIC_POST_STATUSES,
        policy.seesAllContent,
        viewer.userId ?? null,
        viewer.keyIn(thread.id),
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit + 1,
      ],
    );
    const edit = await this.editContext();
    return toPage(
      rows,
      limit,
      (r) => [r.created_key, r.id],
      (r) => toPostDto(r, policy, viewer, edit),
    );
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
    const viewer = await this.anonymity.viewer(policy.userId);
    const thread = await loadThread(this.db.manager, policy, threadId);
    ensure(policy.canSeeThread(threadFacts(thread, viewer)));
    return this.pageOf(policy, viewer, thread, limit, cursor);
  }

  async reply(policy: Policy, threadId: string, dto: CreatePostDto, ip: string): Promise<CreatedPostDto> {
    const anonymous = !policy.isGuest && dto.anonymous === true;
    const viewer = await this.anonymity.viewer(policy.userId);
    const before = await loadThread(this.db.manager, policy, threadId);
    ensure(policy.canReply(threadFacts(before, viewer), { anonymous }));
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
        ? { kind: 'anonymous', hash: viewer.keyIn(before.id)! }
        : { kind: 'user', userId: policy.userId! };

    const { postId, receiptToken } = await this.db.transaction(async (tx) => {
      // The thread row is locked for the whole write: a lock set meanwhile is seen, and counts can't race.
      const thread = await loadThread(tx, policy, before.id, true);
      ensure(policy.canReply(threadFacts(thread, viewer), { anonymous }));
      const alias = await this.writer.aliasFor(tx, thread.id, author);
      const post = await this.writer.insertPost(tx, {
        threadId: thread.id,
        title: null,
        opening: false,
        author,
        alias,
        body: dto.body,
        rendered,
        reasons: decision.reasons,
        review: decision,
      });
      return {
        postId: post.id,
        receiptToken: author.kind === 'guest' ? await this.writer.createReceipt(tx, post.id) : undefined,
      };
    });

    return {
      ...(await this.asWriterSees(policy, viewer, postId)),
      ...(await this.holding.extras(decision)),
      ...(receiptToken ? { receiptToken } : {}),
    };
  }

  /** A post just written, as its writer gets it back. */
  async asWriterSees(policy: Policy, viewer: Viewer, postId: string): Promise<PostDto> {
    return toPostDto(await loadPost(this.db.manager, policy, postId), policy, viewer, await this.editContext());
  }

  async edit(policy: Policy, id: string, body: string): Promise<CreatedPostDto> {
    const viewer = await this.anonymity.viewer(policy.userId);
    const { editWindowMinutes } = await this.settings.get();
    const before = await loadPost(this.db.manager, policy, id);
    ensure(policy.canEditPost(postFacts(before, viewer), { now: new Date(), editWindowMinutes }));

    const rendered = await this.renderer.render(body);
    const unnamed = before.author_kind !== 'user';
    const text = before.is_opening ? `${before.thread_title}\n${rendered.text}` : rendered.text;
    const decision = await this.holding.decide(policy, viewer, { moderation: before.moderation, unnamed, text });

    await this.db.transaction(async (tx) => {
      await loadThread(tx, policy, before.thread_id, true);
      const post = await loadPost(tx, policy, id);
      ensure(policy.canEditPost(postFacts(post, viewer), { now: new Date(), editWindowMinutes }));
      await this.writer.updateBody(
        tx,
        { id, threadId: post.thread_id, opening: post.is_opening, status: post.status, title: post.thread_title },
        body,
        rendered,
        decision.reasons,
        decision,
      );
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
    const viewer = await this.anonymity.viewer(policy.userId);
    const before = await loadPost(this.db.manager, policy, id);
    ensure(policy.canDeletePost(postFacts(before, viewer)));
    await this.db.transaction(async (tx) => {
      await loadThread(tx, policy, before.thread_id, true);
      const post = await loadPost(tx, policy, id);
      const facts = postFacts(post, viewer);
      ensure(policy.canDeletePost(facts));
      if (post.status === 'deleted') return;
      await this.writer.softDelete(tx, { id, threadId: post.thread_id, opening: post.is_opening, status: post.status });
      if (!facts.mine)
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
    const viewer = await this.anonymity.viewer(policy.userId);
    const { threadIds, hashes } = await this.anonymity.keysInAnonymousThreads(viewer);
    const after = decodeCursor(cursor, ['date', 'uuid']);
    const rows: PostRow[] = await this.db.query(
      `${POST_SELECT}
       WHERE (p.author_id = $2 OR (p.thread_id, p.anon_hash) IN (SELECT * FROM unnest($3::uuid[], $4::bytea[])))
         AND ($5::timestamptz IS NULL OR (p.created_at, p.id) < ($5::timestamptz, $6::uuid))
       ORDER BY p.created_at DESC, p.id DESC
       LIMIT $7`,
      [
        policy.readableVisibilities(),
        policy.userId,
        threadIds,
        hashes,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit + 1,
      ],
    );
    const edit = await this.editContext();
    return toPage(
      rows,
      limit,
      (r) => [r.created_key, r.id],
      (r) => toMyPostDto(r, policy, viewer, edit),
    );
  }

  /** What a guest's receipt tells: published (with a link), still held, or rejected and why. */
  async receipt(token: string): Promise<ReceiptDto> {
    if (!RECEIPT_TOKEN.test(token))
      throw badRequest('That receipt is not valid: check that you copied all of it.', 'invalid_token');
    const rows: {
      post_id: string;
      thread_id: string;
      status: ReceiptDto['status'];
      rejection_reason: string | null;
      visibility: string;
    }[] = await this.db.query(
      `SELECT p.id AS post_id, p.thread_id, p.status, p.rejection_reason, c.visibility
       FROM guest_receipts r JOIN posts p ON p.id = r.post_id JOIN threads t ON t.id = p.thread_id JOIN categories c ON c.id = t.category_id
       WHERE r.token_hash = $1`,
      [sha256(token)],
    );
    const row = rows[0];
    if (!row) throw notFound('There is no post with that receipt.');
    const receipt: ReceiptDto = { status: row.status };
    if (row.status === 'rejected' && row.rejection_reason) receipt.rejectionReason = row.rejection_reason;
    // A guest can't follow a link into a closed category (a moderator may have moved the thread there).
    if (row.status === 'published' && row.visibility === 'open')
      receipt.link = `/trad/${row.thread_id}#post-${row.post_id}`;
    return receipt;
  }
}
