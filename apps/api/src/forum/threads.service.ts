import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PRODUCT_ALIASES } from '#libs/content';
import type { AuditAction } from '#libs/contracts';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { Authorship } from '../authorship/authorship.service.js';
import type { Viewer } from '../authorship/viewer.js';
import { decodeCursor, toPage, type CursorValue, type Page } from '../common/paging.js';
import { Transactions } from '../database/transactions.js';
import { CategoriesService } from './categories.service.js';
import { ContentRenderer } from './content-renderer.service.js';
import type {
  CreatedThreadDto,
  CreateThreadDto,
  ModerateThreadDto,
  ThreadDto,
  ThreadSummaryDto,
} from './dto/thread.dto.js';
import { categoryFacts, threadFacts, type NewAuthor, type ThreadRow } from './forum-rows.js';
import { ReaderFilters } from '../reader-safety/reader-filters.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { SharedRows, sharedKey } from '../page-cache/shared-rows.service.js';
import { ForumWriter } from './forum-writer.service.js';
import { toThreadDto, toThreadSummaryDto } from './forum.mappers.js';
import { HoldingService } from './holding.service.js';
import { PostsService } from './posts.service.js';
import { OwnAnonymousThreads } from './own-anonymous-threads.service.js';
import { ThreadsRepository } from './threads.repository.js';

@Injectable()
export class ThreadsService {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly tx: Transactions,
    private readonly categories: CategoriesService,
    private readonly posts: PostsService,
    private readonly writer: ForumWriter,
    private readonly holding: HoldingService,
    private readonly renderer: ContentRenderer,
    private readonly authorship: Authorship,
    private readonly ownThreads: OwnAnonymousThreads,
    private readonly audit: AuditService,
    private readonly reader: ReaderFilters,
    private readonly settings: SettingsService,
    private readonly shared: SharedRows,
  ) {}

  /** Pinned threads first, then by latest activity; published threads only. */
  async listInCategory(
    policy: Policy,
    slug: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<ThreadSummaryDto>> {
    const category = await this.categories.readable(policy, slug);
    const after = decodeCursor(cursor, ['boolean', 'date', 'uuid']) as [boolean, string, string] | null;
    const visibilities = policy.readableVisibilities();
    const { rows } = await this.shared.read(
      sharedKey('threads', visibilities, category.id, after, limit),
      async () => ({ rows: await this.threads.listInCategory(policy, category.id, after, limit + 1) }),
      (page) => 800 * page.rows.length,
    );
    return this.summaries(policy, rows, limit, (r) => [r.pinned, r.last_post_key, r.id]);
  }

  /** Thread summaries as this reader sees them: folded where their filters fold the opening post. */
  async summaries(
    policy: Policy,
    rows: readonly ThreadRow[],
    limit: number,
    keyOf: (r: ThreadRow) => CursorValue[],
  ): Promise<Page<ThreadSummaryDto>> {
    const viewer = await this.authorship.viewer(policy.userId);
    const lens = await this.reader.lens(
      viewer,
      rows.slice(0, limit).map((r) => r.id),
    );
    return toPage(rows, limit, keyOf, (r) =>
      toThreadSummaryDto(
        r,
        lens.collapsed({
          threadId: r.id,
          authorKind: r.author_kind,
          authorId: r.author_id,
          anonHash: r.author_hash,
          warning: r.content_warning,
          text: r.title,
          mine: threadFacts(r, viewer).mine,
        }),
      ),
    );
  }

  /** Threads nobody else has answered for the site's `unansweredHours`, oldest first (hosts and up). */
  async unanswered(policy: Policy, limit: number, cursor: string | undefined): Promise<Page<ThreadSummaryDto>> {
    ensure(policy.can('host.unanswered'));
    const { unansweredHours } = await this.settings.get();
    const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.threads.unanswered(policy, unansweredHours, after, limit + 1);
    return this.summaries(policy, rows, limit, (r) => [(r as ThreadRow & { created_key: string }).created_key, r.id]);
  }

  /** How many there are, up to 100 (the menu's badge). */
  async unansweredCount(policy: Policy): Promise<number> {
    ensure(policy.can('host.unanswered'));
    const { unansweredHours } = await this.settings.get();
    return this.threads.countUnanswered(policy, unansweredHours, 100);
  }

  async get(policy: Policy, id: string, limit: number): Promise<ThreadDto> {
    const viewer = await this.authorship.viewer(policy.userId);
    const visibilities = policy.readableVisibilities();
    const { thread } = await this.shared.read(
      sharedKey('thread', visibilities, id.toLowerCase()),
      async () => ({ thread: await this.threads.get(undefined, policy, id) }),
      () => 1500,
    );
    ensure(policy.canSeeThread(threadFacts(thread, viewer)));
    return toThreadDto(thread, await this.posts.pageOf(policy, viewer, thread, limit, undefined), policy, viewer);
  }

  async create(policy: Policy, slug: string, dto: CreateThreadDto, ip: string): Promise<CreatedThreadDto> {
    const category = await this.categories.bySlug(slug);
    const anonymous = !policy.isGuest && dto.anonymous === true;
    ensure(policy.canCreateThread(categoryFacts(category), { anonymous }));
    await this.posts.ensureWarning(dto.contentWarning);
    await this.posts.consumeWriteBudget(policy, ip);

    const viewer = await this.authorship.viewer(policy.userId);
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
        ? { kind: 'anonymous', hash: viewer.keyInThread(threadId)! }
        : { kind: 'user', userId: policy.userId! };

    // The opening post is the first appearance in its thread: "Anonym 1" or "Gjest 1".
    const alias =
      author.kind === 'anonymous'
        ? `${PRODUCT_ALIASES.anonymous} 1`
        : author.kind === 'guest'
          ? `${PRODUCT_ALIASES.guest} 1`
          : null;
    const { postId, receiptToken, receiptCode } = await this.tx.run(async (tx) => {
      if (author.kind === 'anonymous') await this.ownThreads.wroteIn(tx, viewer, threadId);
      await this.threads.insert(tx, {
        id: threadId,
        categoryId: category.id,
        title: dto.title,
        author,
        alias,
        status: decision.reasons.length > 0 ? 'pending' : 'published',
      });
      return this.writer.write(tx, {
        threadId,
        title: dto.title,
        opening: true,
        author,
        alias,
        body: dto.body,
        rendered,
        reasons: decision.reasons,
        review: decision,
        contentWarning: dto.contentWarning ?? null,
      });
    });

    const thread = await this.loadCreated(policy, viewer, threadId, postId);
    return {
      ...thread,
      ...(await this.holding.extras(decision)),
      ...(receiptToken ? { receiptToken, receiptCode } : {}),
    };
  }

  /** The new thread as its writer sees it. */
  private async loadCreated(policy: Policy, viewer: Viewer, threadId: string, postId: string): Promise<ThreadDto> {
    const thread = await this.threads.get(undefined, policy, threadId);
    const post = await this.posts.asWriterSees(policy, viewer, postId, { isNew: true });
    return toThreadDto(thread, { items: [post], nextCursor: null }, policy, viewer);
  }

  /** Lock, pin or move a thread (moderators); each change is audited. */
  async moderate(policy: Policy, id: string, dto: ModerateThreadDto): Promise<ThreadDto> {
    await this.tx.run(async (tx) => {
      const thread = await this.threads.get(tx, policy, id, true);
      const entries: { action: AuditAction; meta?: Record<string, unknown> }[] = [];
      if (dto.locked !== undefined && dto.locked !== thread.locked) {
        await this.threads.setLocked(tx, id, dto.locked);
        entries.push({ action: dto.locked ? 'lock' : 'unlock' });
      }
      if (dto.pinned !== undefined && dto.pinned !== thread.pinned) {
        await this.threads.setPinned(tx, id, dto.pinned);
        entries.push({ action: dto.pinned ? 'pin' : 'unpin' });
      }
      if (dto.categorySlug !== undefined && dto.categorySlug !== thread.category_slug) {
        const target = await this.categories.bySlug(dto.categorySlug, tx);
        await this.threads.setCategory(tx, id, target.id);
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
