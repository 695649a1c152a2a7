import type { CafeMessage, CafeParticipant } from '#libs/contracts';
import type { CafeRoomDto, CafeSessionDto } from './dto/cafe-room.dto.js';
import type { MessageRow } from './cafe-messages.repository.js';
import type { RoomRow, SessionRow } from './cafe-rooms.repository.js';
import type { PresenceRecord } from './state/cafe-state.js';

/** A room as the room list shows it; `session` is the current or next one. */
export function toRoomDto(
  room: RoomRow,
  session: SessionRow | undefined,
  participants: number,
  now = Date.now(),
): CafeRoomDto {
  const isOpen = Boolean(
    session && session.starts_at.getTime() <= now && session.ends_at.getTime() > now && !session.closed_at,
  );
  return {
    slug: room.slug,
    name: room.name,
    description: room.description,
    audience: room.audience,
    isOpen,
    opensAt: session ? session.starts_at.toISOString() : null,
    closesAt: session ? session.ends_at.toISOString() : null,
    participants: isOpen ? participants : 0,
  };
}

export function toSessionDto(session: SessionRow, slug: string): CafeSessionDto {
  return {
    id: session.id,
    room: slug,
    startsAt: session.starts_at.toISOString(),
    endsAt: session.ends_at.toISOString(),
  };
}

/** A café message for clients: the participant and nickname only, never who is behind them. */
export function toCafeMessage(row: MessageRow, room: string): CafeMessage {
  return {
    id: row.id,
    room,
    author: { participantId: row.participant_id, nickname: row.nickname, isHost: row.is_host },
    body: row.body,
    createdAt: row.created_at.toISOString(),
  };
}

/** Hosts first, then by name as Norwegians sort it. */
export function toParticipants(records: PresenceRecord[]): CafeParticipant[] {
  return records
    .map((r) => ({ id: r.id, nickname: r.nickname, isHost: r.isHost }))
    .sort((a, b) => Number(b.isHost) - Number(a.isHost) || a.nickname.localeCompare(b.nickname, 'nb'));
}
