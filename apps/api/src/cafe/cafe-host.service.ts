import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { Transactions } from '../database/transactions.js';
import { CafeError } from './cafe-error.js';
import { CafeMessagesRepository } from './cafe-messages.repository.js';
import { CafeModerationService } from './cafe-moderation.service.js';
import { CafeRoomsRepository, type RoomRow } from './cafe-rooms.repository.js';
import { CafeRoomsService } from './cafe-rooms.service.js';
import { CafeBroadcaster, type JoinedParticipant } from './cafe.broadcaster.js';
import { toParticipants } from './cafe.mappers.js';
import type { ModeratePayload } from './dto/cafe-socket.dto.js';
import { CafeStateStore } from './state/cafe-state.js';

const MUTE_DEFAULT_SECONDS = 10 * 60;
const MUTE_MIN_SECONDS = 10;
const MUTE_MAX_SECONDS = 24 * 60 * 60;
const SLOW_MODE_MAX_SECONDS = 3_600;

/**
 * A host's tools in their room: remove a message, mute or remove a participant, slow mode, close.
 * Each is audited in its own transaction and told to the room after the commit. The caller
 * (CafeService.moderate) has checked that the asker hosts the room now.
 */
/** How long a removed guest's connection source takes no new guest into the session. */
const KICK_SECONDS = 15 * 60;

@Injectable()
export class CafeHostTools {
  constructor(
    private readonly messages: CafeMessagesRepository,
    private readonly roomsData: CafeRoomsRepository,
    private readonly moderation: CafeModerationService,
    private readonly rooms: CafeRoomsService,
    private readonly tx: Transactions,
    private readonly state: CafeStateStore,
    private readonly broadcaster: CafeBroadcaster,
    private readonly audit: AuditService,
    private readonly limits: RateLimitService,
  ) {}

  async apply(
    host: JoinedParticipant,
    hostId: string,
    room: RoomRow,
    p: ModeratePayload,
    reason: string | undefined,
  ): Promise<void> {
    switch (p.action) {
      case 'delete':
        return this.deleteMessage(host, hostId, p.messageId, reason);
      case 'mute':
      case 'kick':
        return this.restrict(host, hostId, p.action, p.participantId, p.seconds, reason);
      case 'slowmode':
        return this.setSlowMode(host, hostId, p.seconds);
      case 'close':
        await this.rooms.closeLive(hostId, room, 'cafe_moderate');
    }
  }

  private async deleteMessage(
    host: JoinedParticipant,
    hostId: string,
    messageId: string | undefined,
    reason: string | undefined,
  ): Promise<void> {
    if (!messageId) throw new CafeError('invalid', 'Say which message to remove (messageId).');
    const message = await this.messages.findMessage(host.roomId, messageId);
    if (!message || message.session_id !== host.sessionId)
      throw new CafeError('not_found', 'That message is not in this session.');
    const removed = await this.tx.run(async (tx) => {
      const done = await this.moderation.remove(tx, host.sessionId, messageId, hostId);
      if (done)
        await this.audit.record(tx, {
          actorId: hostId,
          action: 'cafe_moderate',
          targetType: 'cafe_message',
          targetId: messageId,
          reason,
          meta: { op: 'delete', sessionId: host.sessionId },
        });
      return done;
    });
    if (removed) this.broadcaster.messageDeleted(host.sessionId, host.room, messageId);
  }

  private async restrict(
    host: JoinedParticipant,
    hostId: string,
    kind: 'mute' | 'kick',
    targetId: string | undefined,
    seconds: number | undefined,
    reason: string | undefined,
  ): Promise<void> {
    if (!targetId) throw new CafeError('invalid', 'Say which participant (participantId).');
    const muteSeconds = seconds ?? MUTE_DEFAULT_SECONDS;
    if (kind === 'mute' && (muteSeconds < MUTE_MIN_SECONDS || muteSeconds > MUTE_MAX_SECONDS)) {
      throw new CafeError('invalid', `A mute lasts from ${MUTE_MIN_SECONDS} seconds to 24 hours (seconds).`);
    }
    const target = await this.state.get(host.sessionId, targetId);
    if (!target) throw new CafeError('not_found', 'That participant is not in the room.');
    if (target.isHost) throw new CafeError('forbidden', 'Hosts cannot be muted or removed here; ask a moderator.');
    const until = kind === 'mute' ? new Date(Date.now() + muteSeconds * 1000) : null;
    await this.tx.run(async (tx) => {
      await this.messages.insertRestriction(tx, {
        sessionId: host.sessionId,
        kind,
        participantId: target.id,
        nicknameKey: target.nicknameKey,
        authorHash: target.owner ? Buffer.from(target.owner, 'hex') : null,
        until,
        reason: reason ?? null,
        by: hostId,
      });
      await this.audit.record(tx, {
        actorId: hostId,
        action: 'cafe_moderate',
        targetType: 'cafe_participant',
        targetId: target.id,
        reason,
        meta: { op: kind, sessionId: host.sessionId, ...(until ? { seconds: muteSeconds } : {}) },
      });
    });
    // A removed guest's connection source takes no new guest for a while, so a new nickname does
    // not undo the removal. Only new joins: others on a shared network (a ward, a library) stay.
    if (kind === 'kick' && target.source)
      await this.limits.block('cafeRestrictedSource', `kick:${host.sessionId}:${target.source}`, KICK_SECONDS);
    if (kind === 'mute') {
      this.broadcaster.muted(target.id, host.room, until, reason);
      return;
    }
    await this.state.release(host.sessionId, target.id);
    this.broadcaster.kicked(target.id, host.sessionId, host.room, reason);
    this.broadcaster.presence(
      host.sessionId,
      host.room,
      toParticipants((await this.state.online(host.sessionId)).participants),
    );
  }

  private async setSlowMode(host: JoinedParticipant, hostId: string, seconds: number | undefined): Promise<void> {
    if (seconds === undefined || seconds > SLOW_MODE_MAX_SECONDS)
      throw new CafeError('invalid', `Slow mode takes seconds between messages: 0 (off) to ${SLOW_MODE_MAX_SECONDS}.`);
    await this.tx.run(async (tx) => {
      await this.roomsData.setSlowMode(tx, host.roomId, seconds);
      await this.audit.record(tx, {
        actorId: hostId,
        action: 'cafe_moderate',
        targetType: 'cafe_room',
        targetId: host.roomId,
        meta: { op: 'slowmode', seconds, sessionId: host.sessionId },
      });
    });
    this.broadcaster.slowMode(host.sessionId, host.room, seconds);
  }
}
