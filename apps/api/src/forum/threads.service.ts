import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Policy } from '#libs/policy';
import { AnonymityService, type Viewer } from '../anonymity/anonymity.service.js';
import { AuditService, type AuditAction } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { CategoriesService } from './categories.service.js';
import { ContentRenderer } from './content-renderer.service.js';
import type {
  CreatedThreadDto,
  CreateThreadDto,
  ModerateThreadDto,
  ThreadDto,
  ThreadSummaryDto,
} from './dto/thread.dto.js';
import { ForumWriter, type NewAuthor } from './forum-writer.service.js';
import { loadThread } from './forum-queries.js';
import { categoryFacts, THREAD_SELECT, threadFacts, type ThreadRow } from './forum-rows.js';
import { toThreadDto, toThreadSummaryDto } from './forum.mappers.js';
import { HoldingService } from './holding.service.js';
import { PostsService } from './posts.service.js';

@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly categories: CategoriesService,
    private readonly posts: PostsService,
    private readonly writer: ForumWriter,
    private readonly holding: HoldingService,
    private readonly renderer: ContentRenderer,
    private readonly anonymity: AnonymityService,
    private readonly audit: AuditService,
  ) {}

  /** Pinned threads first, then by latest activity; published threads only. */
  async listInCategory(
    policy: Policy,
    slug: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<ThreadSummaryDto>> {
    const category = await this.categories.readable(policy, slug);
    const after = decodeCursor(cursor, ['boolean', 'date', 'uuid']);
    const rows: ThreadRow[] = await this.db.query(
      `${THREAD_SELECT}
       WHERE t.category_id = $2 AND t.status = 'published'
         AND ($3::boolean IS NULL OR (t.pinned, t.last_post_at, t.id) < ($3::boolean, $4::timestamptz, $5::uuid))
       ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC
       LIMIT $6`,
      [
        policy.readableVisibilities(),
        category.id,
        after?.[0] ?? null,
        after?.[1] ?? null,
        after?.[2] ?? null,
        limit + 1,
      ],
    );
    return toPage(rows, limit, (r) => [r.pinned, r.last_post_key, r.id], toThreadSummaryDto);
  }

  async get(policy: Policy, id: string, limit: number): Promise<ThreadDto> {
    const viewer = await this.anonymity.viewer(policy.userId);
    const thread = await loadThread(this.db.manager, policy, id);
    ensure(policy.canSeeThread(threadFacts(thread, viewer)));
    return toThreadDto(thread, await this.posts.pageOf(policy, viewer, thread, limit, undefined), policy, viewer);
  }

  async create(policy: Policy, slug: string, dto: CreateThreadDto, ip: string): Promise<CreatedThreadDto> {
    const category = await this.categories.bySlug(slug);
    const anonymous = !policy.isGuest && dto.anonymous === true;
    ensure(policy.canCreateThread(categoryFacts(category), { anonymous }));
    await this.posts.consumeWriteBudget(policy, ip);

    const viewer = await this.anonymity.viewer(policy.userId);
    const rendered = await this.renderer.render(dto.body);
    const decision = await this.holding.decide(policy, viewer, {
      moderation: category.moderation,
      unnamed: anonymous || policy.isGuest,
      text: `${dto.title}\n${rendered.text}`,
    });
    const threadId = randomUUID();
    const author: NewAuthor = policy.isGuest
      ? { kind: 'guest' }
      : anonymous
        ? { kind: 'anonymous', hash: viewer.keyIn(threadId)! }
        : { kind: 'user', userId: policy.userId! };

    // The opening post is the first appearance in its thread: "Anonym 1" or "Gjest 1".
    const alias = author.kind === 'anonymous' ? 'Anonym 1' : author.kind === 'guest' ? 'Gjest 1' : null;
    const { postId, receiptToken } = await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO threads (id, category_id, title, author_kind, author_id, author_alias, author_hash, status, anonymous_aliases, guest_aliases)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          threadId,
          category.id,
          dto.title,
          author.kind,
          author.kind === 'user' ? author.userId : null,
          alias,
          author.kind === 'anonymous' ? author.hash : null,
          decision.reasons.length > 0 ? 'pending' : 'published',
          author.kind === 'anonymous' ? 1 : 0,
          author.kind === 'guest' ? 1 : 0,
        ],
      );
      const post = await this.writer.insertPost(tx, {
        threadId,
        title: dto.title,
        opening: true,
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

    const thread = await this.loadCreated(policy, viewer, threadId, postId);
    return { ...thread, ...(await this.holding.extras(decision)), ...(receiptToken ? { receiptToken } : {}) };
  }

  /** The new thread as its writer sees it. */
  private async loadCreated(policy: Policy, viewer: Viewer, threadId: string, postId: string): Promise<ThreadDto> {
    const [thread]: ThreadRow[] = await this.db.query(`${THREAD_SELECT} WHERE t.id = $2`, [
      policy.readableVisibilities(),
      threadId,
    ]);
    const post = await this.posts.asWriterSees(policy, viewer, postId);
    return toThreadDto(thread, { items: [post], nextCursor: null }, policy, viewer);
  }

  /** Lock, pin or move a thread (moderators); each change is audited. */
  async moderate(policy: Policy, id: string, dto: ModerateThreadDto): Promise<ThreadDto> {
    await this.db.transaction(async (tx) => {
      const thread = await loadThread(tx, policy, id, true);
      const entries: { action: AuditAction; meta?: Record<string, unknown> }[] = [];
      if (dto.locked !== undefined && dto.locked !== thread.locked) {
        await tx.query('UPDATE threads SET locked = $2 WHERE id = $1', [id, dto.locked]);
        entries.push({ action: dto.locked ? 'lock' : 'unlock' });
      }
      if (dto.pinned !== undefined && dto.pinned !== thread.pinned) {
        await tx.query('UPDATE threads SET pinned = $2 WHERE id = $1', [id, dto.pinned]);
        entries.push({ action: dto.pinned ? 'pin' : 'unpin' });
      }
      if (dto.categorySlug !== undefined && dto.categorySlug !== thread.category_slug) {
        const target = await this.categories.bySlug(dto.categorySlug, tx);
        await tx.query('UPDATE threads SET category_id = $2 WHERE id = $1', [id, target.id]);
        entries.push({ action: 'move', meta: { from: thread.category_slug, to: target.slug } });
      }
      for (const entry of entries)
        await this.audit.record(tx, {
          actorId: policy.userId ?? null,
          action: entry.action,
          targetType: 'thread',
          targetId: id,
          meta: entry.meta,
        });
    });
    return this.get(policy, id, 20);
  }
}
