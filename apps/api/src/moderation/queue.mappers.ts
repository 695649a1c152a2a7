import type { QueueReason } from '#libs/contracts';
import type { Priority, QueueItemType } from '#libs/moderation';
import type { QueueContentDto, QueueFlagDto, QueueItemDto } from './dto/queue.dto.js';

/** An open queue row as the listing reads it. */
export interface QueueItemRow {
  id: string;
  type: QueueItemType;
  priority: Priority;
  reasons: QueueReason[];
  created_at: Date;
  created_key: string;
  rank: number;
  post_id: string | null;
  thread_id: string | null;
  cafe_message_id: string | null;
  consultation_response_id: string | null;
  directory_suggestion_id: string | null;
  claimed_by: string | null;
  claimed_username: string | null;
  claimed_display_name: string | null;
}

/** What a source (the forum, the café) tells about one item. */
export interface QueueContent {
  content: QueueContentDto;
  flags: QueueFlagDto[];
}

const GONE: QueueContent = { content: { bodyHtml: '', author: { kind: 'deleted' } }, flags: [] };

export function toQueueItemDto(row: QueueItemRow, content: QueueContent | undefined): QueueItemDto {
  const { content: c, flags } = content ?? GONE;
  return {
    id: row.id,
    type: row.type,
    priority: row.priority,
    reasons: row.reasons,
    createdAt: row.created_at.toISOString(),
    claimedBy: row.claimed_by
      ? {
          id: row.claimed_by,
          username: row.claimed_username!,
          displayName: row.claimed_display_name ?? row.claimed_username!,
        }
      : null,
    content: c,
    flags,
  };
}
