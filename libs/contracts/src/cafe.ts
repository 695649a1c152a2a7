/**
 * The café's Socket.IO contract (namespace /cafe), shared by the server and the web app.
 * See docs/API.md "The café".
 */
import type { Helpline } from './helplines.js';

export const CAFE_AUDIENCES = ['everyone', 'members', 'panel'] as const;
export type CafeAudience = (typeof CAFE_AUDIENCES)[number];

export const CAFE_MODERATE_ACTIONS = ['delete', 'mute', 'kick', 'slowmode', 'close'] as const;
export type CafeModerateAction = (typeof CAFE_MODERATE_ACTIONS)[number];

/** Error codes in a café acknowledgement `{ok: false, error: {code, message}}`. */
export const CAFE_ERROR_CODES = [
  'invalid',
  'rules_not_accepted',
  'closed',
  'forbidden',
  'not_found',
  'banned',
  'nickname_taken',
  'removed',
  'not_joined',
  'empty',
  'too_long',
  'rate_limited',
  'muted',
  'blocked',
  'not_host',
  'internal',
] as const;
export type CafeErrorCode = (typeof CAFE_ERROR_CODES)[number];

/** Limits of the café, as API.md states them. */
export const CAFE_LIMITS = {
  nicknameMin: 2,
  nicknameMax: 24,
  bodyMax: 1000,
  historySize: 50,
  /** At most this many messages come back in `history` after `since`. */
  sinceMax: 500,
} as const;

const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;

/** A nickname's form: letters and digits, with spaces, dots, apostrophes, hyphens and underscores inside. */
export const NICKNAME_SHAPE = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._'-]*[\p{L}\p{N}])?$/u;

/** The nickname as shown: NFKC, invisible characters removed, spaces collapsed. */
export function cleanNickname(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').trim().replace(/\s+/g, ' ');
}

/**
 * What is wrong with a cleaned nickname's form, if anything: its `length` (2–24 characters) or
 * its `shape`. The server answers both with `invalid`; whether a name is taken or reserved only
 * it can tell.
 */
export function nicknameProblem(nickname: string): 'length' | 'shape' | null {
  const length = [...nickname].length;
  if (length < CAFE_LIMITS.nicknameMin || length > CAFE_LIMITS.nicknameMax) return 'length';
  return NICKNAME_SHAPE.test(nickname) ? null : 'shape';
}

/** Why a participant reports a café message (the `report` event's `reason`; free text is accepted too). */
export const CAFE_REPORT_REASONS = ['crisis', 'harassment', 'personal_info', 'spam', 'other'] as const;
export type CafeReportReason = (typeof CAFE_REPORT_REASONS)[number];

export interface CafeParticipant {
  id: string;
  nickname: string;
  isHost: boolean;
}

/** A café message: never a user id or username, only the participant and their nickname. */
export interface CafeMessage {
  id: string;
  room: string;
  author: { participantId: string; nickname: string; isHost: boolean };
  body: string;
  createdAt: string;
}

/** A helpline as the café's `support` event and refusals carry it (libs/contracts helplines.ts). */
export type CafeHelpline = Helpline;

export interface CafeError {
  code: CafeErrorCode;
  message: string;
  /** `rate_limited`: seconds to wait. */
  retryAfter?: number;
  /** `muted`: when the mute ends (ISO), or null until lifted. */
  until?: string | null;
  /** `closed`: when the room opens next (ISO), or null when no session is planned. */
  opensAt?: string | null;
  /**
   * A refused message (over the limit, slow mode, muted, blocked, too long …) whose words matched
   * `crisis`: the helplines, and whether a moderator is on duty now. Nothing was sent or stored.
   */
  support?: CafeHelpline[];
  staffed?: boolean;
}

export type CafeAck<T extends object = object> = ({ ok: true } & T) | { ok: false; error: CafeError };

export interface CafeJoinResult {
  self: CafeParticipant;
  history: CafeMessage[];
  /** At most 100 (hosts first); `count` is everyone in the room. */
  participants: CafeParticipant[];
  count: number;
  /** With `since`: ids of messages of this session removed by a host (drop them from view). */
  deleted?: string[];
}

/** Sent to the hosts and moderators in the room when a message needs a look now. */
export interface CafeAlert {
  room: string;
  kind: 'crisis' | 'report';
  messageId: string;
  nickname: string;
  body: string;
  reason?: string;
  createdAt: string;
}

export interface CafeClientEvents {
  join(
    payload: { room: string; nickname?: string; acceptRules?: boolean; since?: string },
    ack: (res: CafeAck<CafeJoinResult>) => void,
  ): void;
  message(payload: { room: string; body: string }, ack: (res: CafeAck<{ message: CafeMessage }>) => void): void;
  typing(payload: { room: string }, ack?: (res: CafeAck) => void): void;
  leave(payload: { room: string }, ack?: (res: CafeAck) => void): void;
  report(payload: { room: string; messageId: string; reason: string }, ack: (res: CafeAck) => void): void;
  moderate(
    payload: {
      room: string;
      action: CafeModerateAction;
      messageId?: string;
      participantId?: string;
      seconds?: number;
      reason?: string;
    },
    ack: (res: CafeAck) => void,
  ): void;
}

export interface CafeServerEvents {
  message(message: CafeMessage): void;
  'message:deleted'(payload: { room: string; id: string }): void;
  /** `participants` lists at most 100 (hosts first); `count` is everyone in the room. */
  presence(payload: { room: string; participants: CafeParticipant[]; count: number }): void;
  typing(payload: { room: string; nickname: string }): void;
  support(payload: { resources: CafeHelpline[]; staffed: boolean }): void;
  alert(payload: CafeAlert): void;
  slowmode(payload: { room: string; seconds: number }): void;
  'room:closed'(payload: { room: string }): void;
  kicked(payload: { room: string; reason?: string }): void;
  muted(payload: { room: string; until: string | null; reason?: string }): void;
}
