import { Injectable } from '@nestjs/common';
import { escapeHtml, PRODUCT_ALIASES } from '#libs/content';
import type { Policy } from '#libs/policy';
import { Authorship } from '../authorship/authorship.service.js';
import { CafeModerationService } from '../cafe/cafe-moderation.service.js';
import { ConsultationModeration } from '../consultations/consultation-moderation.service.js';
import { DirectoryModeration } from '../directory/directory-moderation.service.js';
import { postView } from '../forum/forum.mappers.js';
import { PostsRepository } from '../forum/posts.repository.js';
import { ThreadsRepository } from '../forum/threads.repository.js';
import { FlagsRepository } from './flags.repository.js';
import type { QueueContent, QueueItemRow } from './queue.mappers.js';

/**
 * What the queue's items are about, loaded per source for a page of items: forum posts (threads,
 * posts, flags) and the café's reported messages, each asked of its own feature.
 */
@Injectable()
export class QueueSources {
  constructor(
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
    private readonly flags: FlagsRepository,
    private readonly cafe: CafeModerationService,
    private readonly consultations: ConsultationModeration,
    private readonly authorship: Authorship,
    private readonly directory: DirectoryModeration,
  ) {}

  async load(policy: Policy, items: QueueItemRow[]): Promise<Map<string, QueueContent>> {
    const out = new Map<string, QueueContent>();
    await this.loadForum(
      policy,
      items.filter((i) => i.post_id !== null),
      out,
    );
    await this.loadCafe(
      items.filter((i) => i.cafe_message_id !== null),
      out,
    );
    await this.loadConsultations(
      items.filter((i) => i.consultation_response_id !== null),
      out,
    );
    await this.loadDirectory(
      items.filter((i) => i.directory_suggestion_id !== null),
      out,
    );
    return out;
  }

  /** A suggestion to the activity directory, from anyone: its fields, by no one in particular. */
  private async loadDirectory(items: QueueItemRow[], out: Map<string, QueueContent>): Promise<void> {
    if (items.length === 0) return;
    const suggestions = await this.directory.forQueue(items.map((i) => i.directory_suggestion_id!));
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    for (const item of items) {
      const s = byId.get(item.directory_suggestion_id!);
      if (!s) continue;
      out.set(item.id, {
        content: {
          name: s.name,
          organizationName: s.organizationName,
          title: s.name,
          bodyHtml: s.bodyHtml,
          author: { kind: 'guest', alias: PRODUCT_ALIASES.activitySuggestion },
          ...(s.serviceId ? { serviceId: s.serviceId } : {}),
        },
        flags: [],
      });
    }
  }

  /** A consultation answer is shown by its text and consultation only: never who wrote it, named or not. */
  private async loadConsultations(items: QueueItemRow[], out: Map<string, QueueContent>): Promise<void> {
    if (items.length === 0) return;
    const answers = await this.consultations.forQueue(items.map((i) => i.consultation_response_id!));
    const byId = new Map(answers.map((a) => [a.response_id, a]));
    for (const item of items) {
      const a = byId.get(item.consultation_response_id!);
      if (!a) continue;
      out.set(item.id, {
        content: {
          consultationId: a.consultation_id,
          title: a.title,
          bodyHtml: a.texts.map((t) => `<p>${escapeHtml(t).replace(/\n/g, '<br>')}</p>`).join(''),
          author: { kind: 'anonymous', alias: PRODUCT_ALIASES.consultationAnswer },
        },
        flags: [],
      });
    }
  }

  /** A café message is shown by its nickname only, as in the room (never the account behind it). */
  private async loadCafe(items: QueueItemRow[], out: Map<string, QueueContent>): Promise<void> {
    if (items.length === 0) return;
    const { messages, reports } = await this.cafe.forQueue(items.map((i) => i.cafe_message_id!));
    const byId = new Map(messages.map((m) => [m.id, m]));
    for (const item of items) {
      const m = byId.get(item.cafe_message_id!);
      if (!m) continue;
      out.set(item.id, {
        content: {
          messageId: m.id,
          bodyHtml: `<p>${escapeHtml(m.body).replace(/\n/g, '<br>')}</p>`,
          author: { kind: 'anonymous', alias: m.nickname },
          room: { slug: m.room_slug, name: m.room_name },
          removed: m.deleted_at !== null,
        },
        flags: reports
          .filter((r) => r.message_id === m.id)
          .map((r) => ({
            reason: r.kind === 'crisis' ? 'crisis' : 'other',
            // A report sent as "crisis" says nothing beyond its kind; a screening report names the words.
            note: r.kind === 'crisis' && r.reason.toLowerCase() === 'crisis' ? null : r.reason,
            createdAt: r.createdAt,
          })),
      });
    }
  }

  /** Through the forum's own mapper, so an anonymous or guest author is shown to moderators exactly as to everyone. */
  private async loadForum(policy: Policy, items: QueueItemRow[], out: Map<string, QueueContent>): Promise<void> {
    if (items.length === 0) return;
    const viewer = await this.authorship.viewer(policy.userId);
    const posts = await this.posts.byIds(
      policy,
      items.map((i) => i.post_id!),
    );
    const byId = new Map(posts.map((p) => [p.id, p]));
    const categories = await this.threads.categoriesOf([...new Set(posts.map((p) => p.thread_id))]);
    const categoryOf = new Map(categories.map((c) => [c.thread_id, { slug: c.slug, name: c.name }]));
    const flags = await this.flags.openOn(items.map((i) => i.id));
    for (const item of items) {
      const post = byId.get(item.post_id!);
      if (!post) continue;
      const dto = postView(post, policy, viewer);
      out.set(item.id, {
        content: {
          threadId: post.thread_id,
          postId: post.id,
          title: post.thread_title,
          bodyHtml: dto.bodyHtml,
          ...(dto.body !== undefined ? { body: dto.body } : {}),
          author: dto.author,
          status: dto.status,
          category: categoryOf.get(post.thread_id),
        },
        flags: flags
          .filter((f) => f.item_id === item.id)
          .map((f) => ({ reason: f.reason, note: f.note, createdAt: f.createdAt })),
      });
    }
  }
}
