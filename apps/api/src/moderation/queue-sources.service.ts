import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Policy } from '#libs/policy';
import { AnonymityService } from '../anonymity/anonymity.service.js';
import { POST_SELECT, type PostRow } from '../forum/forum-rows.js';
import { postView } from '../forum/forum.mappers.js';
import type { QueueFlagDto } from './dto/queue.dto.js';
import type { QueueContent, QueueItemRow } from './queue.mappers.js';

/**
 * What the queue's items are about, loaded per source for a page of items: forum posts (threads,
 * posts, flags) here; another source (the café's reported messages) adds one loader.
 */
@Injectable()
export class QueueSources {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly anonymity: AnonymityService,
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
    return out;
  }

  /** A café message is shown by its nickname only, as in the room (never the account behind it). */
  private async loadCafe(items: QueueItemRow[], out: Map<string, QueueContent>): Promise<void> {
    if (items.length === 0) return;
    const messages: {
      id: string;
      body: string;
      nickname: string;
      deleted_at: Date | null;
      room_slug: string;
      room_name: string;
    }[] = await this.db.query(
      `SELECT m.id, m.body, m.nickname, m.deleted_at, r.slug AS room_slug, r.name AS room_name
       FROM cafe_messages m JOIN cafe_rooms r ON r.id = m.room_id WHERE m.id = ANY($1::uuid[])`,
      [items.map((i) => i.cafe_message_id)],
    );
    const byId = new Map(messages.map((m) => [m.id, m]));
    const reports: { message_id: string; kind: string; reason: string; createdAt: string }[] = await this.db.query(
      `SELECT message_id, kind, reason, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
       FROM cafe_reports WHERE message_id = ANY($1::uuid[]) AND status = 'open' ORDER BY created_at, id`,
      [items.map((i) => i.cafe_message_id)],
    );
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
          .map((r) => ({ reason: r.kind === 'crisis' ? 'crisis' : 'other', note: r.reason, createdAt: r.createdAt })),
      });
    }
  }

  /** Through the forum's own mapper, so an anonymous or guest author is shown to moderators exactly as to everyone. */
  private async loadForum(policy: Policy, items: QueueItemRow[], out: Map<string, QueueContent>): Promise<void> {
    if (items.length === 0) return;
    const viewer = await this.anonymity.viewer(policy.userId);
    const posts: PostRow[] = await this.db.query(`${POST_SELECT} WHERE p.id = ANY($2::uuid[])`, [
      policy.readableVisibilities(),
      items.map((i) => i.post_id),
    ]);
    const byId = new Map(posts.map((p) => [p.id, p]));
    const categories: { thread_id: string; slug: string; name: string }[] = await this.db.query(
      'SELECT t.id AS thread_id, c.slug, c.name FROM threads t JOIN categories c ON c.id = t.category_id WHERE t.id = ANY($1::uuid[])',
      [[...new Set(posts.map((p) => p.thread_id))]],
    );
    const categoryOf = new Map(categories.map((c) => [c.thread_id, { slug: c.slug, name: c.name }]));
    const flags: (QueueFlagDto & { item_id: string })[] = await this.db.query(
      `SELECT item_id, reason, note, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
       FROM flags WHERE item_id = ANY($1::uuid[]) AND status = 'open' ORDER BY created_at, id`,
      [items.map((i) => i.id)],
    );
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

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
