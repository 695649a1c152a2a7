import type { CafeAlert, CafeJoinResult } from '#libs/contracts';
import type { CafeMessage, Helpline, Participant } from '../../api/types';

export type Phase = 'intro' | 'connecting' | 'joined' | 'reconnecting' | 'closed' | 'removed';

/** What the café room shows, driven by the socket's events (see use-cafe-room.ts). */
export interface RoomView {
  phase: Phase;
  /** A closed room: when it opens next, if a session is planned. */
  nextOpening: string | null;
  /** Why one was removed (kicked or banned), for the notice. */
  removedNotice?: string;
  /** What the server said about the last join: beside the nickname, or above the button. */
  joinProblem: { nickname?: string; failure?: string };
  self: Participant | null;
  messages: CafeMessage[];
  participants: Participant[];
  /** Who is typing, by nickname, with when they were last heard. */
  typing: Record<string, number>;
  support: { resources: Helpline[]; staffed: boolean } | null;
  /** A mute: until when, or null until a host lifts it. */
  muted: { until: string | null } | null;
  slowSeconds: number;
  /** For hosts: messages that need a look now (at most five). */
  alerts: CafeAlert[];
}

export type RoomEvent =
  | { type: 'connecting' }
  | { type: 'joined'; result: CafeJoinResult; since?: string }
  | { type: 'closed'; opensAt: string | null }
  | { type: 'removed'; notice: string }
  | { type: 'join-refused'; nickname?: string; failure?: string }
  | { type: 'join-unanswered'; failure: string }
  | { type: 'reconnecting' }
  | { type: 'recovered' }
  | { type: 'left' }
  | { type: 'messages'; messages: CafeMessage[] }
  | { type: 'message-deleted'; id: string }
  | { type: 'presence'; participants: Participant[] }
  | { type: 'typing'; nickname: string; at: number }
  | { type: 'typing-faded'; now: number }
  | { type: 'support'; support: NonNullable<RoomView['support']> }
  | { type: 'muted'; until: string | null }
  | { type: 'unmuted' }
  | { type: 'slowmode'; seconds: number }
  | { type: 'alert'; alert: CafeAlert }
  | { type: 'dismiss-alert'; messageId: string };

export function initialRoom(room: { isOpen: boolean; opensAt: string | null }): RoomView {
  return {
    phase: room.isOpen ? 'intro' : 'closed',
    nextOpening: room.isOpen ? null : room.opensAt,
    joinProblem: {},
    self: null,
    messages: [],
    participants: [],
    typing: {},
    support: null,
    muted: null,
    slowSeconds: 0,
    alerts: [],
  };
}

const TYPING_FADES_MS = 4000;

/** New messages at the end, once each (a recovered connection may replay some). */
function withMessages(list: CafeMessage[], incoming: CafeMessage[]): CafeMessage[] {
  const seen = new Set(list.map((m) => m.id));
  const fresh = incoming.filter((m) => !seen.has(m.id));
  return fresh.length ? [...list, ...fresh] : list;
}

export function roomReducer(state: RoomView, event: RoomEvent): RoomView {
  switch (event.type) {
    case 'connecting':
      return { ...state, phase: 'connecting', joinProblem: {} };
    case 'joined': {
      const { result, since } = event;
      let messages = result.history;
      if (since) {
        // Back after a gap: what came after the last message seen, less what a host removed meanwhile.
        const gone = new Set(result.deleted ?? []);
        messages = withMessages(state.messages, result.history).filter((m) => !gone.has(m.id));
      }
      return { ...state, phase: 'joined', self: result.self, participants: result.participants, messages };
    }
    case 'closed':
      return { ...state, phase: 'closed', nextOpening: event.opensAt };
    case 'removed':
      return { ...state, phase: 'removed', removedNotice: event.notice };
    case 'join-refused':
      return { ...state, phase: 'intro', joinProblem: { nickname: event.nickname, failure: event.failure } };
    case 'join-unanswered':
      // No answer in time: said where the join form is; the room stays as it was.
      return { ...state, joinProblem: { failure: event.failure } };
    case 'reconnecting':
      return state.phase === 'joined' ? { ...state, phase: 'reconnecting' } : state;
    case 'recovered':
      return { ...state, phase: 'joined' };
    case 'left':
      return { ...state, phase: 'intro', messages: [], participants: [], self: null };
    case 'messages': {
      const typing = { ...state.typing };
      for (const m of event.messages) delete typing[m.author.nickname];
      return { ...state, messages: withMessages(state.messages, event.messages), typing };
    }
    case 'message-deleted':
      return { ...state, messages: state.messages.filter((m) => m.id !== event.id) };
    case 'presence':
      return { ...state, participants: event.participants };
    case 'typing':
      return { ...state, typing: { ...state.typing, [event.nickname]: event.at } };
    case 'typing-faded':
      return {
        ...state,
        typing: Object.fromEntries(Object.entries(state.typing).filter(([, at]) => event.now - at < TYPING_FADES_MS)),
      };
    case 'support':
      return { ...state, support: event.support };
    case 'muted':
      return { ...state, muted: { until: event.until } };
    case 'unmuted':
      return { ...state, muted: null };
    case 'slowmode':
      return { ...state, slowSeconds: event.seconds };
    case 'alert':
      return {
        ...state,
        alerts: [event.alert, ...state.alerts.filter((a) => a.messageId !== event.alert.messageId)].slice(0, 5),
      };
    case 'dismiss-alert':
      return { ...state, alerts: state.alerts.filter((a) => a.messageId !== event.messageId) };
  }
}
