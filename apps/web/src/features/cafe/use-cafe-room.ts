import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  CafeAck,
  CafeError,
  CafeJoinResult,
  CafeModerateAction,
  CafeServerEvents,
  CafeMessage,
} from '#libs/contracts';
import type { CafeRoom } from '../../api/types';
import { useAnnounce, useConfirm } from '../../components/announcer';
import { formatTime } from '../../lib/format';
import { connect, emitAck, type Socket } from '../../lib/socket';
import { initialRoom, roomReducer, type RoomView } from './room-state';
import { useChatAnnouncer } from './use-chat-announcer';

/** An acknowledgement's error in the reader's language (or the server's words when there is no translation). */
export function ackErrorText(t: TFunction, error: CafeError): string {
  const key = `chat.errors.${error.code}`;
  const text = t(key);
  return text === key ? error.message || t('errors.generic') : text;
}

export function mutedText(t: TFunction, until: string | null, language: string): string {
  return until ? t('chat.mutedUntil', { time: formatTime(until, language) }) : t('chat.mutedOpen');
}

export type SendResult = { sent: true } | { sent: false; error?: string };

export interface CafeRoomControls {
  /** The room's slug (drafts are kept per room). */
  slug: string;
  view: RoomView;
  /** Connects and joins with this (already checked) nickname; the view follows. */
  join(nickname: string): Promise<void>;
  /** Sends a message; when it was not sent, resolves to why (nothing to say for a mute: the room shows it). */
  send(body: string): Promise<SendResult>;
  typing(): void;
  report(messageId: string, reason: string): Promise<void>;
  moderate(
    action: CafeModerateAction,
    extra?: { messageId?: string; participantId?: string; seconds?: number },
  ): Promise<void>;
  leave(): void;
  dismissAlert(messageId: string): void;
}

/**
 * A café room over Socket.IO /cafe: joining, the room's events (libs/contracts CafeServerEvents),
 * a short drop recovered by the server and a longer one by joining again from the last message
 * seen, and what the participant and a host send. Everything said to a screen reader is here too.
 */
export function useCafeRoom(room: CafeRoom, onPresence: (count: number | null) => void): CafeRoomControls {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const confirm = useConfirm();
  const announceMessage = useChatAnnouncer();
  const [view, dispatch] = useReducer(roomReducer, room, initialRoom);
  const socketRef = useRef<Socket | null>(null);
  const lastId = useRef<string | undefined>(undefined);
  const joinedNick = useRef('');
  const selfId = useRef<string | undefined>(undefined);
  const lastTyping = useRef(0);
  useEffect(() => {
    selfId.current = view.self?.id;
  }, [view.self]);

  const count = view.participants.length;
  useEffect(() => onPresence(count ? count : null), [count, onPresence]);

  const addMessages = useCallback((messages: CafeMessage[]) => {
    if (messages.length === 0) return;
    dispatch({ type: 'messages', messages });
    lastId.current = messages[messages.length - 1].id;
  }, []);

  // Typing hints fade after a few seconds.
  useEffect(() => {
    if (Object.keys(view.typing).length === 0) return;
    const timer = window.setTimeout(() => dispatch({ type: 'typing-faded', now: Date.now() }), 1000);
    return () => window.clearTimeout(timer);
  }, [view.typing]);

  // A mute with an end ends by itself.
  useEffect(() => {
    if (!view.muted?.until) return;
    const ms = new Date(view.muted.until).getTime() - Date.now();
    const timer = window.setTimeout(() => dispatch({ type: 'unmuted' }), Math.max(0, ms));
    return () => window.clearTimeout(timer);
  }, [view.muted]);

  useEffect(() => () => void socketRef.current?.close(), []);

  /** Joins (again, after a gap, from `since`); false when the server said no. */
  const doJoin = useCallback(
    async (socket: Socket, since?: string): Promise<boolean> => {
      const payload = {
        room: room.slug,
        acceptRules: true,
        ...(joinedNick.current ? { nickname: joinedNick.current } : {}),
        ...(since ? { since } : {}),
      };
      let ack: CafeAck<CafeJoinResult>;
      try {
        ack = await emitAck<CafeAck<CafeJoinResult>>(socket, 'join', payload);
      } catch {
        dispatch({ type: 'join-unanswered', failure: t('chat.errors.timeout') });
        return false;
      }
      if (!ack.ok) {
        const code = ack.error.code;
        if (code === 'closed') {
          dispatch({ type: 'closed', opensAt: ack.error.opensAt ?? null });
          socket.close();
        } else if (code === 'removed' || code === 'banned') {
          dispatch({ type: 'removed', notice: ackErrorText(t, ack.error) });
        } else if (code === 'nickname_taken' || code === 'invalid' || code === 'blocked') {
          const nickname =
            code === 'invalid'
              ? t('chat.errors.nicknameShape')
              : code === 'blocked'
                ? t('chat.errors.nicknameBlocked')
                : ackErrorText(t, ack.error);
          dispatch({ type: 'join-refused', nickname });
          socket.close();
        } else {
          dispatch({ type: 'join-refused', failure: ackErrorText(t, ack.error) });
          socket.close();
        }
        return false;
      }
      dispatch({ type: 'joined', result: ack, since });
      if (!since) lastId.current = ack.history.length ? ack.history[ack.history.length - 1].id : undefined;
      else if (ack.history.length) lastId.current = ack.history[ack.history.length - 1].id;
      return true;
    },
    [room.slug, t],
  );

  /** The room's events, as libs/contracts names them. */
  const listen = useCallback(
    (socket: Socket) => {
      const ours = (ev: { room: string }) => ev.room === room.slug;
      const handlers: { [E in keyof CafeServerEvents]: CafeServerEvents[E] } = {
        message: (m) => {
          if (m.room !== room.slug) return;
          addMessages([m]);
          if (m.author.participantId !== selfId.current) announceMessage(m);
        },
        'message:deleted': (ev) => ours(ev) && dispatch({ type: 'message-deleted', id: ev.id }),
        presence: (ev) => ours(ev) && dispatch({ type: 'presence', participants: ev.participants }),
        typing: (ev) => {
          if (ours(ev) && ev.nickname !== joinedNick.current)
            dispatch({ type: 'typing', nickname: ev.nickname, at: Date.now() });
        },
        support: (ev) => dispatch({ type: 'support', support: ev }),
        'room:closed': (ev) => {
          if (!ours(ev)) return;
          dispatch({ type: 'closed', opensAt: null });
          say(t('chat.closedNow'), 'assertive');
          socket.close();
        },
        kicked: (ev) => {
          if (!ours(ev)) return;
          dispatch({
            type: 'removed',
            notice: ev.reason ? t('chat.kickedReason', { reason: ev.reason }) : t('chat.kicked'),
          });
          say(t('chat.kicked'), 'assertive');
          socket.close();
        },
        muted: (ev) => {
          if (!ours(ev)) return;
          const until = ev.until ?? null;
          dispatch({ type: 'muted', until });
          say(mutedText(t, until, i18n.language), 'assertive');
        },
        slowmode: (ev) => {
          if (!ours(ev)) return;
          dispatch({ type: 'slowmode', seconds: ev.seconds });
          say(ev.seconds > 0 ? t('chat.slowOn', { count: ev.seconds }) : t('chat.slowOffNow'));
        },
        alert: (ev) => {
          if (!ours(ev)) return;
          dispatch({ type: 'alert', alert: ev });
          say(t(`chat.alert.${ev.kind}`, { nickname: ev.nickname }), 'assertive');
        },
      };
      for (const [event, handler] of Object.entries(handlers)) socket.on(event, handler);
    },
    [room.slug, addMessages, announceMessage, say, t, i18n.language],
  );

  const join = useCallback(
    async (nickname: string) => {
      joinedNick.current = nickname;
      dispatch({ type: 'connecting' });
      const socket = await connect('/cafe');
      socketRef.current = socket;
      let joinedOnce = false;
      socket.on('connect', () => {
        if (!joinedOnce) {
          joinedOnce = true;
          void doJoin(socket).then((ok) => {
            if (ok) say(t('chat.joined', { room: room.name }));
          });
          return;
        }
        // Back after a drop: connection state recovery replays what was missed; otherwise join again from the last message seen.
        if (socket.recovered) {
          dispatch({ type: 'recovered' });
          say(t('chat.reconnected'));
        } else
          void doJoin(socket, lastId.current).then((ok) => {
            if (ok) say(t('chat.reconnected'));
          });
      });
      socket.on('disconnect', (reason) => {
        if (reason === 'io client disconnect') return;
        dispatch({ type: 'reconnecting' });
        say(t('chat.reconnecting'));
      });
      socket.on('connect_error', () => dispatch({ type: 'reconnecting' }));
      listen(socket);
    },
    [doJoin, listen, room.name, say, t],
  );

  const send = useCallback(
    async (body: string): Promise<SendResult> => {
      const socket = socketRef.current;
      if (!socket) return { sent: false };
      try {
        const ack = await emitAck<CafeAck<{ message: CafeMessage }>>(socket, 'message', { room: room.slug, body });
        if (ack.ok) {
          addMessages([ack.message]);
          return { sent: true };
        }
        if (ack.error.code === 'muted') {
          dispatch({ type: 'muted', until: ack.error.until ?? null });
          return { sent: false };
        }
        if (ack.error.code === 'rate_limited' && ack.error.retryAfter)
          return {
            sent: false,
            error: t('chat.errors.rate_limited_seconds', { count: Math.ceil(ack.error.retryAfter) }),
          };
        return { sent: false, error: ackErrorText(t, ack.error) };
      } catch {
        return { sent: false, error: t('chat.errors.timeout') };
      }
    },
    [room.slug, addMessages, t],
  );

  const typing = useCallback(() => {
    const now = Date.now();
    if (socketRef.current && now - lastTyping.current > 2500) {
      lastTyping.current = now;
      socketRef.current.emit('typing', { room: room.slug });
    }
  }, [room.slug]);

  const report = useCallback(
    async (messageId: string, reason: string) => {
      const socket = socketRef.current;
      if (!socket) return;
      try {
        const ack = await emitAck<CafeAck>(socket, 'report', { room: room.slug, messageId, reason });
        if (ack.ok) confirm(t('chat.reported'));
        else say(ackErrorText(t, ack.error), 'assertive');
      } catch {
        say(t('chat.errors.timeout'), 'assertive');
      }
    },
    [room.slug, say, confirm, t],
  );

  const moderate = useCallback(
    async (
      action: CafeModerateAction,
      extra: { messageId?: string; participantId?: string; seconds?: number } = {},
    ) => {
      const socket = socketRef.current;
      if (!socket) return;
      try {
        const ack = await emitAck<CafeAck>(socket, 'moderate', { room: room.slug, action, ...extra });
        if (!ack.ok) return say(ackErrorText(t, ack.error), 'assertive');
        if (action === 'delete' && extra.messageId) dispatch({ type: 'message-deleted', id: extra.messageId });
        say(t(`chat.moderated.${action}`));
      } catch {
        say(t('chat.errors.timeout'), 'assertive');
      }
    },
    [room.slug, say, t],
  );

  const leave = useCallback(() => {
    socketRef.current?.emit('leave', { room: room.slug });
    socketRef.current?.close();
    socketRef.current = null;
    dispatch({ type: 'left' });
    say(t('chat.left'));
  }, [room.slug, say, t]);

  const dismissAlert = useCallback((messageId: string) => dispatch({ type: 'dismiss-alert', messageId }), []);

  return { slug: room.slug, view, join, send, typing, report, moderate, leave, dismissAlert };
}
