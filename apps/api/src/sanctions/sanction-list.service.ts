import { Injectable } from '@nestjs/common';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import type { SanctionListItemDto, SanctionListQueryDto } from './dto/sanction-list.dto.js';
import { SanctionsRepository, type SanctionListRow } from './sanctions.repository.js';

/**
 * The moderators' list of sanctions. One given against a user shows that user; one given against a
 * post shows the post only, never the person behind it (for an anonymous post the database does not
 * know them either), and the list can't be filtered in a way that would tell.
 */
@Injectable()
export class SanctionListService {
  constructor(private readonly sanctions: SanctionsRepository) {}

  async list(policy: Policy, query: SanctionListQueryDto): Promise<Page<SanctionListItemDto>> {
    ensure(policy.can('mod.sanction'));
    const limit = query.limit ?? 20;
    const after = decodeCursor(query.cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.sanctions.list(
      { userId: query.userId ?? null, postId: query.postId ?? null, active: query.active === true },
      after,
      limit + 1,
    );
    return toPage(rows, limit, (r) => [r.created_key, r.id], toSanctionListItem);
  }
}

function toSanctionListItem(r: SanctionListRow): SanctionListItemDto {
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
