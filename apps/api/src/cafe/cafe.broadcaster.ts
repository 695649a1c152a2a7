import { Injectable } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import type { CafeAlert, CafeClientEvents, CafeMessage, CafeParticipant, CafeServerEvents } from '#libs/contracts';

/** What a /cafe socket remembers: the rooms it has joined (by slug). Restored on recovery. */
export interface JoinedParticipant {
  id: string;
  sessionId: string;
  sessionEndsAt: string;
  roomId: string;
  room: string;
  nickname: string;
  nicknameKey: string;
  isHost: boolean;
  /** The member's author hash in this session (hex; host restrictions and sanctions); null for guests. */
  authorHash: string | null;
  /** The member's hash in this voice (hex; what their messages carry: issue 12.10); null for guests. */
  messageHash: string | null;
  /** A guest's hashed connection source (see CafeService.sourceOf); null for members. */
  source?: string | null;
  /**
   * The member's account while they speak under their display name (the named voice): whoever
   * ignores that account does not get these messages (issue 18). Never under a nickname.
   */
  namedAs?: string | null;
  /** The member's account, for the channel that keeps from them the named messages of those they ignore. */
  readerId?: string | null;
}

export interface CafeSocketData {
  participants?: Record<string, JoinedParticipant>;
}

export type CafeSocket = Socket<CafeClientEvents, CafeServerEvents, Record<string, never>, CafeSocketData>;
export type CafeNamespace = Namespace<CafeClientEvents, CafeServerEvents, Record<string, never>, CafeSocketData>;

/** Socket.IO rooms ("channels") the café uses: one per session, its hosts, and each participant. */
export const channels = {
  session: (sessionId: string) => `cafe:s:${sessionId}`,
  hosts: (sessionId: string) => `cafe:h:${sessionId}`,
  participant: (participantId: string) => `cafe:p:${participantId}`,
  /** Every socket of one member in the café (issue 18: what they ignore is kept from this channel). */
  reader: (userId: string) => `cafe:u:${userId}`,
};

/**
 * The one place café events leave the server. Everything goes to channels (never straight to a
 * socket), so every event carries an offset and reaches a client that reconnects in time
 * (connection state recovery), and through the adapter every process's clients get it.
 */
/** Presence changes within this window reach the room as one event (a join storm is one update). */
const PRESENCE_COALESCE_MS = 300;
/** In a crowded room, a slower beat: a list that long is read, not watched. */
const PRESENCE_COALESCE_CROWDED_MS = 2_000;
const CROWDED = 100;
/** The most participants one presence event lists (hosts always first); `count` has the total. */
export const PRESENCE_LIST_MAX = 100;

/** Hosts first, then the others, up to PRESENCE_LIST_MAX: what a phone can show and a person can read. */
export function presenceList(participants: CafeParticipant[]): CafeParticipant[] {
  if (participants.length <= PRESENCE_LIST_MAX) return participants;
  return [...participants.filter((p) => p.isHost), ...participants.filter((p) => !p.isHost)].slice(
    0,
    PRESENCE_LIST_MAX,
  );
}

@Injectable()
export class CafeBroadcaster {
  private ns: CafeNamespace | null = null;
  private readonly pendingPresence = new Map<string, { room: string; participants: CafeParticipant[] }>();
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();

  attach(ns: CafeNamespace): void {
    this.ns = ns;
  }

  /** The sockets connected to this process. */
  localSockets(): CafeSocket[] {
    return this.ns ? [...this.ns.sockets.values()] : [];
  }

  /** To the session; not to the members in `except` (those who ignore a named author). */
  message(sessionId: string, message: CafeMessage, except: string[] = []): void {
    const to = this.ns?.to(channels.session(sessionId));
    (except.length > 0 ? to?.except(except.map(channels.reader)) : to)?.emit('message', message);
  }

  messageDeleted(sessionId: string, room: string, id: string): void {
    this.ns?.to(channels.session(sessionId)).emit('message:deleted', { room, id });
  }

  /**
   * Presence is coalesced per session: the latest list goes out once per window, so 1,000 people
   * joining cost a handful of events instead of a million list copies.
   */
  presence(sessionId: string, room: string, participants: CafeParticipant[]): void {
    this.pendingPresence.set(sessionId, { room, participants });
    if (this.presenceTimers.has(sessionId)) return;
    const wait = participants.length > CROWDED ? PRESENCE_COALESCE_CROWDED_MS : PRESENCE_COALESCE_MS;
    const timer = setTimeout(() => {
      this.presenceTimers.delete(sessionId);
      const latest = this.pendingPresence.get(sessionId);
      this.pendingPresence.delete(sessionId);
      if (latest)
        this.ns?.to(channels.session(sessionId)).emit('presence', {
          room: latest.room,
          participants: presenceList(latest.participants),
          count: latest.participants.length,
        });
    }, wait);
    timer.unref();
    this.presenceTimers.set(sessionId, timer);
  }

  /** To the session but the typer; not to the members in `except` (those who ignore a named author). */
  typing(from: CafeSocket, sessionId: string, room: string, nickname: string, except: string[] = []): void {
    const to = from.to(channels.session(sessionId));
    (except.length > 0 ? to.except(except.map(channels.reader)) : to).emit('typing', { room, nickname });
  }

  slowMode(sessionId: string, room: string, seconds: number): void {
    this.ns?.to(channels.session(sessionId)).emit('slowmode', { room, seconds });
  }

  alertHosts(sessionId: string, alert: CafeAlert): void {
    this.ns?.to(channels.hosts(sessionId)).emit('alert', alert);
  }

  support(participantId: string, payload: Parameters<CafeServerEvents['support']>[0]): void {
    this.ns?.to(channels.participant(participantId)).emit('support', payload);
  }

  muted(participantId: string, room: string, until: Date | null, reason?: string): void {
    this.ns
      ?.to(channels.participant(participantId))
      .emit('muted', { room, until: until?.toISOString() ?? null, ...(reason ? { reason } : {}) });
  }

  /** Tells the participant they were removed, then takes all their sockets out of the session. */
  kicked(participantId: string, sessionId: string, room: string, reason?: string): void {
    if (!this.ns) return;
    const target = channels.participant(participantId);
    this.ns.to(target).emit('kicked', { room, ...(reason ? { reason } : {}) });
    this.ns.in(target).socketsLeave([channels.session(sessionId), channels.hosts(sessionId), target]);
  }

  /** Tells everyone in the session the room closed, then empties it. */
  roomClosed(sessionId: string, room: string): void {
    if (!this.ns) return;
    const everyone = channels.session(sessionId);
    this.ns.to(everyone).emit('room:closed', { room });
    this.ns.in(everyone).socketsLeave([everyone, channels.hosts(sessionId)]);
  }
}
