import { NAMED_VOICE } from '../authorship/scope.js';
import { nicknameKey } from './nickname.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { flagOutcome } from '#libs/moderation';
import { QueueFeed } from '../moderation/queue-feed.service.js';
import { CafeBroadcaster } from './cafe.broadcaster.js';
import { CafeMessagesRepository, type NewReport } from './cafe-messages.repository.js';

/**
 * The café's side of moderation, for the café itself and for the moderation queue and sanctions:
 * reports (which join the moderators' one queue in the same transaction), removing a message, a
 * moderator's decision on a reported one, and what a queue card or a sanction needs to know.
 */
@Injectable()
export class CafeModerationService {
  constructor(
    private readonly messages: CafeMessagesRepository,
    private readonly queue: QueueFeed,
    private readonly broadcaster: CafeBroadcaster,
  ) {}

  /** A report on a message, by a participant or by screening; null when this reporter reported it already. */
  async report(tx: EntityManager, r: NewReport): Promise<{ id: string } | null> {
    const created = await this.messages.insertReport(tx, r);
    if (created && (await this.messages.lock(tx, r.messageId)))
      await this.queue.syncCafeMessage(tx, r.messageId, await this.messages.openReports(tx, r.messageId));
    return created;
  }

  /** A host removes a message in the room; a queue item about it is settled. True when this call removed it. */
  async remove(tx: EntityManager, sessionId: string, messageId: string, by: string): Promise<boolean> {
    const removed = await this.messages.softDelete(tx, sessionId, messageId, by);
    if (removed && (await this.queue.cafeMessageRemoved(tx, messageId, by)))
      await this.messages.settleReports(tx, messageId, flagOutcome('hidden'), by);
    return removed;
  }

  /** The message, row-locked for a moderator's decision (as the reports that queued it locked it). */
  lockForDecision(
    tx: EntityManager,
    messageId: string,
  ): Promise<{ id: string; session_id: string; room: string } | null> {
    return this.messages.lock(tx, messageId);
  }

  /**
   * A moderator decided the message's queue item (closed by the queue in `tx`): its reports are
   * settled, and a rejected message is removed. True when it was removed now.
   */
  async decided(
    tx: EntityManager,
    message: { id: string; session_id: string },
    to: 'approved' | 'rejected',
    by: string,
  ): Promise<boolean> {
    await this.messages.settleReports(tx, message.id, flagOutcome(to), by);
    return to === 'rejected' && (await this.messages.softDelete(tx, message.session_id, message.id, by));
  }

  /** After the commit: the removed message goes from every screen in the room. */
  removedFromRoom(sessionId: string, room: string, messageId: string): void {
    this.broadcaster.messageDeleted(sessionId, room, messageId);
  }

  /** The messages and their open reports, for the queue's cards. */
  async forQueue(messageIds: string[]) {
    return {
      messages: await this.messages.forQueue(messageIds),
      reports: await this.messages.openReportsOn(messageIds),
    };
  }

  /**
   * The keyed hash and session of a message's writer (null hash: a guest) and the voices it may
   * have been written in (their display name, or the nickname shown); null when the message is gone.
   */
  async authorOf(
    messageId: string,
  ): Promise<{ author_hash: Buffer | null; session_id: string; voices: string[] } | null> {
    const row = await this.messages.authorOf(messageId);
    return row && { author_hash: row.author_hash, session_id: row.session_id, voices: voicesOf(row.nickname) };
  }

  /** Each session with members' messages and the voices they may have been written in (for an export). */
  async membersVoices(): Promise<{ sessionId: string; voices: string[] }[]> {
    return (await this.messages.membersVoices()).map((r) => ({
      sessionId: r.session_id,
      voices: voicesOf(r.nickname),
    }));
  }
}

/** A member's message under this name was written under their display name or as this nickname. */
function voicesOf(nickname: string): string[] {
  return [NAMED_VOICE, nicknameKey(nickname)];
}
