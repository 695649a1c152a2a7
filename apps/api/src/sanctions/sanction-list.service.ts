import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import type { SanctionListItemDto, SanctionListQueryDto } from './dto/sanction-list.dto.js';

interface SanctionRow {
  id: string;
  kind: 'warn' | 'mute' | 'ban';
  reason: string;
  until: Date | null;
  created_at: Date;
  created_key: string;
  lifted_at: Date | null;
  active: boolean;
  user_id: string | null;
  username: string | null;
  display_name: string | null;
  post_id: string | null;
  cafe_message_id: string | null;
  thread_id: string | null;
  issuer_username: string | null;
}

/**
 * The moderators' list of sanctions. One given against a user shows that user; one given against a
 * post shows the post only, never the person behind it (for an anonymous post the database does not
 * know them either), and the list can't be filtered in a way that would tell.
 */
@Injectable()
export class SanctionListService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(policy: Policy, query: SanctionListQueryDto): Promise<Page<SanctionListItemDto>> {
    ensure(policy.can('mod.sanction'));
    const limit = query.limit ?? 20;
    const after = decodeCursor(query.cursor, ['date', 'uuid']);
    const rows: SanctionRow[] = await this.db.query(
      `SELECT s.id, s.kind, s.reason, s.until, s.created_at, s.created_at::text AS created_key, s.lifted_at,
              (s.kind <> 'warn' AND s.lifted_at IS NULL AND (s.until IS NULL OR s.until > now())) AS active,
              CASE WHEN s.post_id IS NULL THEN s.user_id END AS user_id,
              CASE WHEN s.post_id IS NULL THEN u.username END AS username,
              CASE WHEN s.post_id IS NULL THEN u.display_name END AS display_name,
              s.post_id, s.cafe_message_id, p.thread_id, iu.username AS issuer_username
       FROM sanctions s
       LEFT JOIN users u ON u.id = s.user_id
       LEFT JOIN posts p ON p.id = s.post_id
       LEFT JOIN users iu ON iu.id = s.issued_by
       WHERE ($1::uuid IS NULL OR (s.user_id = $1 AND s.post_id IS NULL))
         AND ($2::uuid IS NULL OR s.post_id = $2)
         AND (NOT $3::boolean OR (s.kind <> 'warn' AND s.lifted_at IS NULL AND (s.until IS NULL OR s.until > now())))
         AND ($4::timestamptz IS NULL OR (s.created_at, s.id) < ($4::timestamptz, $5::uuid))
       ORDER BY s.created_at DESC, s.id DESC
       LIMIT $6`,
      [
        query.userId ?? null,
        query.postId ?? null,
        query.active === true,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit + 1,
      ],
    );
    return toPage(rows, limit, (r) => [r.created_key, r.id], toSanctionListItem);
  }
}

function toSanctionListItem(r: SanctionRow): SanctionListItemDto {
  return {
    id: r.id,
    kind: r.kind,
    reason: r.reason,
    until: r.until?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    liftedAt: r.lifted_at?.toISOString() ?? null,
    active: r.active,
    target: r.post_id
      ? { postId: r.post_id, threadId: r.thread_id }
      : r.cafe_message_id
        ? { cafeMessageId: r.cafe_message_id }
        : {
            user:
              r.user_id && r.username
                ? { id: r.user_id, username: r.username, displayName: r.display_name ?? r.username }
                : null,
          },
    issuedBy: r.issuer_username,
  };
}
