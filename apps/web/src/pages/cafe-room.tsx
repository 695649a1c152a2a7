import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CafeAck as Ack, CafeAlert, CafeError as AckError, CafeJoinResult as JoinAck } from '#libs/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CafeMessage, CafeRoom, Participant, SupportResource } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { BreakGate } from '../components/break-gate';
import { ErrorAlert, Loading } from '../components/feedback';
import { CrisisSupport } from '../components/helplines';
import { SanctionForm } from '../components/mod-forms';
import { PageHeader } from '../components/page-header';
import { formatDateTime, formatTime } from '../lib/format';
import { connect, emitAck, type Socket } from '../lib/socket';
import { useApi } from '../lib/use-api';
import { useSession } from '../session';
import { RoomState } from './home';
import NotFoundPage from './not-found';
import { DeleteConfirmButton } from '../components/confirm-button';

type Phase = 'intro' | 'connecting' | 'joined' | 'reconnecting' | 'closed' | 'removed';
/** A muted participant: until when, or null until a host lifts it. */
type Muted = { until: string | null } | null;

/** The server's rule for a nickname (apps/api/src/cafe/nickname.ts), checked before connecting. */
const NICKNAME_SHAPE = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._'-]*[\p{L}\p{N}])?$/u;

const REPORT_REASONS = ['crisis', 'harassment', 'personal_info', 'spam', 'other'] as const;
const MAX_LENGTH = 1000;

/**
 * New messages from others are announced politely, but at most one announcement every few
 * seconds: a busy room becomes "3 new messages, the latest from Kari: …" rather than a flood.
 */
function useChatAnnouncer() {
  const say = useAnnounce();
  const { t } = useTranslation();
  const pending = useRef<CafeMessage[]>([]);
  const timer = useRef<number | null>(null);
  const lastSpoken = useRef(0);
  const flush = useCallback(() => {
    timer.current = null;
    const batch = pending.current;
    pending.current = [];
    if (batch.length === 0) return;
    const last = batch[batch.length - 1];
    lastSpoken.current = Date.now();
    if (batch.length === 1)
      say(t('chat.announceOne', { nickname: last.author.nickname, body: last.body.slice(0, 140) }));
    else
      say(
        t('chat.announceMany', { count: batch.length, nickname: last.author.nickname, body: last.body.slice(0, 140) }),
      );
  }, [say, t]);
  const push = useCallback(
    (m: CafeMessage) => {
      pending.current.push(m);
      if (timer.current !== null) return;
      const wait = Math.max(0, 4000 - (Date.now() - lastSpoken.current));
      timer.current = window.setTimeout(flush, Math.max(wait, 600));
    },
    [flush],
  );
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  return push;
}

function MessageItem({
  message,
  self,
  isHost,
  onReport,
  onModerate,
}: {
  message: CafeMessage;
  self: Participant | null;
  isHost: boolean;
  onReport(messageId: string, reason: string): Promise<void>;
  onModerate(action: 'delete' | 'mute' | 'kick', message: CafeMessage, extra?: { seconds?: number }): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<null | 'report' | 'sanction'>(null);
  const [reason, setReason] = useState<string>('');
  const [error, setError] = useState<string | undefined>();
  const mine = self?.id === message.author.participantId;
  return (
    <li
      className={`chat-message${mine ? ' mine' : ''}${message.author.isHost ? ' host' : ''}`}
      data-testid="chat-message"
      data-message-id={message.id}
    >
      <div className="chat-meta">
        <span className="chat-nick">{message.author.nickname}</span>
        {message.author.isHost ? (
          <Tag data-size="sm" data-color="brand1">
            {t('chat.host')}
          </Tag>
        ) : null}
        <time dateTime={message.createdAt} className="muted">
          {formatTime(message.createdAt, i18n.language)}
        </time>
      </div>
      <p className="chat-body">{message.body}</p>
      {!mine || isHost ? (
        <details className="chat-actions">
          <summary>
            {t('chat.actions')}
            <span className="ds-sr-only"> {t('chat.actionsFor', { nickname: message.author.nickname })}</span>
          </summary>
          <div className="button-row">
            {!mine ? (
              <Button variant="tertiary" data-size="sm" onClick={() => setMode('report')}>
                {t('chat.report')}
              </Button>
            ) : null}
            {isHost ? (
              <>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-testid="delete-message"
                  onClick={() => void onModerate('delete', message)}
                >
                  {t('chat.delete')}
                </Button>
                {!mine && !message.author.isHost ? (
                  <>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => void onModerate('mute', message, { seconds: 600 })}
                    >
                      {t('chat.mute10')}
                    </Button>
                    <Button variant="tertiary" data-size="sm" onClick={() => void onModerate('kick', message)}>
                      {t('chat.kick')}
                    </Button>
                    <Button variant="tertiary" data-size="sm" onClick={() => setMode('sanction')}>
                      {t('post.sanction')}
                    </Button>
                  </>
                ) : null}
              </>
            ) : null}
          </div>
          {mode === 'report' ? (
            <form
              className="inline-form"
              onSubmit={async (e) => {
                e.preventDefault();
                if (!reason) {
                  setError(t('flag.chooseReason'));
                  return;
                }
                await onReport(message.id, reason);
                setMode(null);
              }}
            >
              <Fieldset>
                <Fieldset.Legend>{t('chat.reportLegend')}</Fieldset.Legend>
                {REPORT_REASONS.map((r, i) => (
                  <Radio
                    key={r}
                    name={`report-${message.id}`}
                    value={r}
                    label={t(`flag.reasons.${r}`)}
                    checked={reason === r}
                    onChange={() => {
                      setReason(r);
                      setError(undefined);
                    }}
                    error={i === REPORT_REASONS.length - 1 ? error : undefined}
                  />
                ))}
              </Fieldset>
              <div className="button-row">
                <Button type="submit" data-size="sm">
                  {t('chat.sendReport')}
                </Button>
                <Button type="button" variant="secondary" data-size="sm" onClick={() => setMode(null)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </form>
          ) : null}
          {mode === 'sanction' ? (
            <SanctionForm
              target={{ cafeMessageId: message.id }}
              onDone={() => setMode(null)}
              onCancel={() => setMode(null)}
            />
          ) : null}
        </details>
      ) : null}
    </li>
  );
}

function HostTools({
  alerts,
  onDismiss,
  onModerate,
}: {
  alerts: CafeAlert[];
  onDismiss(messageId: string): void;
  onModerate(action: 'slowmode' | 'close', extra?: { seconds?: number }): Promise<void>;
}) {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState('0');
  const [confirmClose, setConfirmClose] = useState(false);
  return (
    <section aria-labelledby="host-tools-h" className="panel host-tools">
      <Heading level={2} id="host-tools-h" data-size="xs">
        {t('chat.hostTools')}
      </Heading>
      {alerts.map((a) => (
        <Alert
          key={a.messageId}
          data-color={a.kind === 'crisis' ? 'danger' : 'warning'}
          data-size="sm"
          className="block"
          data-testid="host-alert"
        >
          <Paragraph data-size="sm">
            <strong>{t(`chat.alert.${a.kind}`, { nickname: a.nickname })}</strong> «{a.body.slice(0, 200)}»
            {a.reason ? ` (${t(`flag.reasons.${a.reason}`, { defaultValue: a.reason })})` : ''}
          </Paragraph>
          <Button variant="tertiary" data-size="sm" onClick={() => onDismiss(a.messageId)}>
            {t('chat.alert.dismiss')}
          </Button>
        </Alert>
      ))}
      <form
        className="move-form"
        onSubmit={(e) => {
          e.preventDefault();
          void onModerate('slowmode', { seconds: Number(seconds) });
        }}
      >
        <div className="ds-field-like">
          <label htmlFor="slowmode" className="ds-label">
            {t('chat.slowmode')}
          </label>
          <Select id="slowmode" value={seconds} onChange={(e) => setSeconds(e.target.value)}>
            <Select.Option value="0">{t('chat.slowOff')}</Select.Option>
            <Select.Option value="10">{t('chat.slowSeconds', { count: 10 })}</Select.Option>
            <Select.Option value="30">{t('chat.slowSeconds', { count: 30 })}</Select.Option>
            <Select.Option value="60">{t('chat.slowSeconds', { count: 60 })}</Select.Option>
          </Select>
        </div>
        <Button type="submit" variant="secondary" data-size="sm">
          {t('common.save')}
        </Button>
      </form>
      {confirmClose ? (
        <div className="inline-form">
          <Paragraph>{t('chat.closeConfirm')}</Paragraph>
          <div className="button-row">
            <DeleteConfirmButton onClick={() => void onModerate('close')}>{t('chat.closeRoom')}</DeleteConfirmButton>
            <Button variant="secondary" data-size="sm" onClick={() => setConfirmClose(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          variant="secondary"
          data-color="danger"
          data-size="sm"
          className="mt-2"
          onClick={() => setConfirmClose(true)}
        >
          {t('chat.closeRoom')}
        </Button>
      )}
    </section>
  );
}

function mutedText(t: TFunction, until: string | null, language: string): string {
  return until ? t('chat.mutedUntil', { time: formatTime(until, language) }) : t('chat.mutedOpen');
}

/**
 * The rules a participant accepts, as the server states them (GET /api/cafe/rules). The Markdown
 * renderer is loaded after the form is on screen, so a slow connection can start typing a nickname.
 */
function CafeRules() {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useApi<{ nb: string; en: string }>('/api/cafe/rules');
  const [html, setHtml] = useState<string | null>(null);
  const source = data ? (i18n.language === 'en' ? data.en : data.nb) : null;
  useEffect(() => {
    if (source === null) return;
    let live = true;
    void import('../lib/markdown').then(({ renderMarkdown, splitTitle }) => {
      if (live) setHtml(renderMarkdown(splitTitle(source).body));
    });
    return () => {
      live = false;
    };
  }, [source]);
  return (
    <section aria-labelledby="cafe-rules-h" className="rules" data-testid="cafe-rules">
      <Heading level={3} id="cafe-rules-h" data-size="2xs">
        {t('chat.rulesHeading')}
      </Heading>
      {error ? (
        <ErrorAlert error={error} retry={reload} announce={false} />
      ) : html === null ? (
        <Loading />
      ) : (
        <div className="prose rules-text" dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </section>
  );
}

function ackErrorText(t: TFunction, error: AckError): string {
  const key = `chat.errors.${error.code}`;
  const text = t(key);
  return text === key ? error.message || t('errors.generic') : text;
}

/** The room once the page has it; `onPresence` hears how many are in it while one is inside. */
function Room({ room, onPresence }: { room: CafeRoom; onPresence(count: number | null): void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const say = useAnnounce();
  const announceMessage = useChatAnnouncer();
  const [phase, setPhase] = useState<Phase>(room.isOpen ? 'intro' : 'closed');
  const [nextOpening, setNextOpening] = useState<string | null>(room.isOpen ? null : room.opensAt);
  const [nickname, setNickname] = useState(user?.displayName ?? '');
  const [accepted, setAccepted] = useState(false);
  const [joinErrors, setJoinErrors] = useState<{ nickname?: string; rules?: string }>({});
  const [joinFailure, setJoinFailure] = useState<string | undefined>();
  const [self, setSelf] = useState<Participant | null>(null);
  const [messages, setMessages] = useState<CafeMessage[]>([]);
  const [participants, setParticipantList] = useState<Participant[]>([]);
  const setParticipants = useCallback(
    (list: Participant[]) => {
      setParticipantList(list);
      onPresence(list.length ? list.length : null);
    },
    [onPresence],
  );
  const [typing, setTyping] = useState<Record<string, number>>({});
  const [draft, setDraft] = useState('');
  const [sendError, setSendError] = useState<string | undefined>();
  const [support, setSupport] = useState<{ resources: SupportResource[]; staffed: boolean } | null>(null);
  const [muted, setMuted] = useState<Muted>(null);
  const [slowSeconds, setSlowSeconds] = useState(0);
  const [alerts, setAlerts] = useState<CafeAlert[]>([]);
  const [notice, setNotice] = useState<string | undefined>();
  const socketRef = useRef<Socket | null>(null);
  const lastId = useRef<string | undefined>(undefined);
  const logRef = useRef<HTMLElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const nickRef = useRef<HTMLInputElement>(null);
  const lastTyping = useRef(0);
  const joinedNick = useRef('');
  const selfIdRef = useRef<string | undefined>(undefined);
  useEffect(() => {
    selfIdRef.current = self?.id;
  }, [self]);

  const addMessages = useCallback((incoming: CafeMessage[]) => {
    if (incoming.length === 0) return;
    setMessages((list) => {
      const seen = new Set(list.map((m) => m.id));
      const fresh = incoming.filter((m) => !seen.has(m.id));
      return fresh.length ? [...list, ...fresh] : list;
    });
    lastId.current = incoming[incoming.length - 1].id;
  }, []);

  // Keep the newest message in view when the reader is already at the bottom.
  useEffect(() => {
    const el = logRef.current;
    if (!el || messages.length === 0) return;
    const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 160;
    if (nearBottom) el.scrollTop = el.scrollHeight;
  }, [messages]);

  // Typing hints fade after a few seconds.
  useEffect(() => {
    const names = Object.keys(typing);
    if (names.length === 0) return;
    const timer = window.setTimeout(() => {
      const now = Date.now();
      setTyping((map) => Object.fromEntries(Object.entries(map).filter(([, at]) => now - at < 4000)));
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [typing]);

  useEffect(
    () => () => {
      socketRef.current?.close();
    },
    [],
  );

  const doJoin = useCallback(
    async (socket: Socket, since?: string): Promise<boolean> => {
      const payload: Record<string, unknown> = { room: room.slug, acceptRules: true };
      if (joinedNick.current) payload.nickname = joinedNick.current;
      if (since) payload.since = since;
      let ack: Ack<JoinAck>;
      try {
        ack = await emitAck<Ack<JoinAck>>(socket, 'join', payload);
      } catch {
        setJoinFailure(t('chat.errors.timeout'));
        return false;
      }
      if (!ack.ok) {
        const code = ack.error.code;
        if (code === 'closed') {
          setNextOpening(ack.error.opensAt ?? null);
          setPhase('closed');
          socket.close();
        } else if (code === 'removed' || code === 'banned') {
          setPhase('removed');
          setNotice(ackErrorText(t, ack.error));
        } else if (code === 'nickname_taken' || code === 'invalid' || code === 'blocked') {
          setJoinErrors({
            nickname:
              code === 'invalid'
                ? t('chat.errors.nicknameShape')
                : code === 'blocked'
                  ? t('chat.errors.nicknameBlocked')
                  : ackErrorText(t, ack.error),
          });
          setPhase('intro');
          socket.close();
          window.setTimeout(() => nickRef.current?.focus(), 0);
        } else {
          setJoinFailure(ackErrorText(t, ack.error));
          setPhase('intro');
          socket.close();
        }
        return false;
      }
      setSelf(ack.self);
      setParticipants(ack.participants);
      if (since) {
        addMessages(ack.history);
        const gone = new Set(ack.deleted ?? []);
        if (gone.size) setMessages((list) => list.filter((m) => !gone.has(m.id)));
      } else {
        setMessages(ack.history);
        lastId.current = ack.history.length ? ack.history[ack.history.length - 1].id : undefined;
      }
      setPhase('joined');
      return true;
    },
    [room.slug, t, addMessages, setParticipants],
  );

  async function join(e: FormEvent) {
    e.preventDefault();
    const errs: typeof joinErrors = {};
    const nick = nickname.trim().replace(/\s+/g, ' ');
    if ([...nick].length < 2 || [...nick].length > 24) errs.nickname = t('chat.errors.nicknameLength');
    else if (!NICKNAME_SHAPE.test(nick)) errs.nickname = t('chat.errors.nicknameShape');
    if (!accepted) errs.rules = t('chat.errors.rules_not_accepted');
    setJoinErrors(errs);
    setJoinFailure(undefined);
    if (errs.nickname) return nickRef.current?.focus();
    if (errs.rules) return document.getElementById('cafe-rules-accept')?.focus();
    joinedNick.current = nick;
    setPhase('connecting');
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
        setPhase('joined');
        say(t('chat.reconnected'));
      } else
        void doJoin(socket, lastId.current).then((ok) => {
          if (ok) say(t('chat.reconnected'));
        });
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      setPhase((p) => (p === 'joined' ? 'reconnecting' : p));
      say(t('chat.reconnecting'));
    });
    socket.on('connect_error', () => {
      setPhase((p) => (p === 'connecting' ? 'connecting' : p === 'joined' ? 'reconnecting' : p));
    });
    socket.on('message', (m: CafeMessage) => {
      if (m.room !== room.slug) return;
      addMessages([m]);
      setTyping((map) => {
        if (!(m.author.nickname in map)) return map;
        const next = { ...map };
        delete next[m.author.nickname];
        return next;
      });
      if (m.author.participantId !== selfIdRef.current) announceMessage(m);
    });
    socket.on('message:deleted', (ev: { room: string; id: string }) => {
      if (ev.room !== room.slug) return;
      setMessages((list) => list.filter((m) => m.id !== ev.id));
    });
    socket.on('presence', (ev: { room: string; participants: Participant[] }) => {
      if (ev.room === room.slug) setParticipants(ev.participants);
    });
    socket.on('typing', (ev: { room: string; nickname: string }) => {
      if (ev.room === room.slug && ev.nickname !== joinedNick.current)
        setTyping((map) => ({ ...map, [ev.nickname]: Date.now() }));
    });
    socket.on('support', (ev: { resources: SupportResource[]; staffed: boolean }) => setSupport(ev));
    socket.on('room:closed', (ev: { room: string }) => {
      if (ev.room !== room.slug) return;
      setNextOpening(null);
      setPhase('closed');
      say(t('chat.closedNow'), 'assertive');
      socket.close();
    });
    socket.on('kicked', (ev: { room: string; reason?: string }) => {
      if (ev.room !== room.slug) return;
      setPhase('removed');
      setNotice(ev.reason ? t('chat.kickedReason', { reason: ev.reason }) : t('chat.kicked'));
      say(t('chat.kicked'), 'assertive');
      socket.close();
    });
    socket.on('muted', (ev: { room: string; until?: string | null; reason?: string }) => {
      if (ev.room !== room.slug) return;
      const until = ev.until ?? null;
      setMuted({ until });
      say(mutedText(t, until, i18n.language), 'assertive');
    });
    socket.on('slowmode', (ev: { room: string; seconds: number }) => {
      if (ev.room !== room.slug) return;
      setSlowSeconds(ev.seconds);
      say(ev.seconds > 0 ? t('chat.slowOn', { count: ev.seconds }) : t('chat.slowOffNow'));
    });
    socket.on('alert', (ev: CafeAlert) => {
      if (ev.room !== room.slug) return;
      setAlerts((list) => [ev, ...list.filter((a) => a.messageId !== ev.messageId)].slice(0, 5));
      say(t(`chat.alert.${ev.kind}`, { nickname: ev.nickname }), 'assertive');
    });
  }

  // A mute with an end ends by itself.
  useEffect(() => {
    if (!muted?.until) return;
    const ms = new Date(muted.until).getTime() - Date.now();
    const timer = window.setTimeout(() => setMuted(null), Math.max(0, ms));
    return () => window.clearTimeout(timer);
  }, [muted]);

  async function send(e?: FormEvent) {
    e?.preventDefault();
    const socket = socketRef.current;
    const body = draft.trim();
    if (!socket) return;
    if (!body) {
      setSendError(t('chat.errors.empty'));
      composerRef.current?.focus();
      return;
    }
    if (body.length > MAX_LENGTH) {
      setSendError(t('chat.errors.too_long'));
      return;
    }
    setSendError(undefined);
    try {
      const ack = await emitAck<Ack<{ message: CafeMessage }>>(socket, 'message', { room: room.slug, body });
      if (!ack.ok) {
        if (ack.error.code === 'muted') {
          setMuted({ until: ack.error.until ?? null });
          setSendError(undefined);
        } else if (ack.error.code === 'rate_limited' && ack.error.retryAfter)
          setSendError(t('chat.errors.rate_limited_seconds', { count: Math.ceil(ack.error.retryAfter) }));
        else setSendError(ackErrorText(t, ack.error));
        return;
      }
      addMessages([ack.message]);
      setDraft('');
    } catch {
      setSendError(t('chat.errors.timeout'));
    }
  }

  function onComposerKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  function onDraft(value: string) {
    setDraft(value);
    if (sendError) setSendError(undefined);
    const now = Date.now();
    if (socketRef.current && value && now - lastTyping.current > 2500) {
      lastTyping.current = now;
      socketRef.current.emit('typing', { room: room.slug });
    }
  }

  async function report(messageId: string, reason: string) {
    const socket = socketRef.current;
    if (!socket) return;
    try {
      const ack = await emitAck<Ack<object>>(socket, 'report', { room: room.slug, messageId, reason });
      say(ack.ok ? t('chat.reported') : ackErrorText(t, ack.error), ack.ok ? 'polite' : 'assertive');
    } catch {
      say(t('chat.errors.timeout'), 'assertive');
    }
  }

  async function moderate(
    action: 'delete' | 'mute' | 'kick' | 'slowmode' | 'close',
    extra: { messageId?: string; participantId?: string; seconds?: number } = {},
  ) {
    const socket = socketRef.current;
    if (!socket) return;
    try {
      const ack = await emitAck<Ack<object>>(socket, 'moderate', { room: room.slug, action, ...extra });
      if (!ack.ok) say(ackErrorText(t, ack.error), 'assertive');
      else {
        if (action === 'delete' && extra.messageId) setMessages((list) => list.filter((m) => m.id !== extra.messageId));
        say(t(`chat.moderated.${action}`));
      }
    } catch {
      say(t('chat.errors.timeout'), 'assertive');
    }
  }

  function leave() {
    socketRef.current?.emit('leave', { room: room.slug });
    socketRef.current?.close();
    socketRef.current = null;
    setPhase('intro');
    setMessages([]);
    setParticipants([]);
    setSelf(null);
    say(t('chat.left'));
  }

  const typingNames = Object.keys(typing);
  const isHost = !!self?.isHost;
  const hosts = useMemo(() => participants.filter((p) => p.isHost), [participants]);

  if (phase === 'closed') {
    return (
      <Alert data-color="info" className="block" data-testid="cafe-closed">
        <Heading level={2} data-size="xs">
          {t('chat.closedHeading')}
        </Heading>
        <Paragraph>
          {nextOpening
            ? t('chat.opensAgain', { time: formatDateTime(nextOpening, i18n.language) })
            : t('chat.closedText')}
        </Paragraph>
        <Paragraph className="mt-2">
          <Link to="/kafe" className="ds-link">
            {t('chat.backToRooms')}
          </Link>
        </Paragraph>
      </Alert>
    );
  }
  if (phase === 'removed') {
    return (
      <Alert data-color="warning" className="block" data-testid="cafe-removed">
        <Heading level={2} data-size="xs">
          {t('chat.removedHeading')}
        </Heading>
        <Paragraph>{notice ?? t('chat.kicked')}</Paragraph>
        <Paragraph className="mt-2">
          <Link to="/retningslinjer" className="ds-link">
            {t('footer.guidelines')}
          </Link>
        </Paragraph>
      </Alert>
    );
  }
  if (phase === 'intro' || phase === 'connecting') {
    return (
      <section aria-labelledby="join-heading" className="panel section join-panel">
        <Heading level={2} id="join-heading" data-size="sm">
          {t('chat.joinHeading')}
        </Heading>
        <form onSubmit={join} noValidate className="form">
          <Textfield
            id="cafe-nickname"
            label={t('chat.nickname')}
            description={t('chat.nicknameHelp')}
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
            error={joinErrors.nickname}
            ref={nickRef as React.Ref<HTMLInputElement>}
            maxLength={24}
            autoComplete="off"
            name="nickname"
          />
          <CafeRules />
          <Checkbox
            id="cafe-rules-accept"
            label={t('chat.acceptRules')}
            checked={accepted}
            onChange={(e) => setAccepted(e.target.checked)}
            error={joinErrors.rules}
            name="acceptRules"
          />
          {joinFailure ? (
            <Alert data-color="danger" className="block">
              <Paragraph>{joinFailure}</Paragraph>
            </Alert>
          ) : null}
          <div>
            <Button
              type="submit"
              disabled={phase === 'connecting'}
              aria-busy={phase === 'connecting' || undefined}
              data-testid="join-cafe"
            >
              {phase === 'connecting' ? t('chat.connecting') : t('chat.join')}
            </Button>
          </div>
        </form>
      </section>
    );
  }

  return (
    <div className="chat">
      {phase === 'reconnecting' ? (
        <Alert data-color="warning" className="block" data-testid="reconnecting">
          <Paragraph>{t('chat.reconnecting')}</Paragraph>
        </Alert>
      ) : null}
      {support ? <CrisisSupport resources={support.resources} staffed={support.staffed} /> : null}
      <div className="chat-layout">
        <div className="chat-main">
          <Heading level={2} id="messages-h" className="ds-sr-only">
            {t('chat.messages')}
          </Heading>
          {/* A scrolling region must take keyboard focus so it can be scrolled without a mouse (WCAG 2.1.1). */}
          {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <section className="chat-log" ref={logRef} tabIndex={0} aria-labelledby="messages-h" data-testid="chat-log">
            {messages.length === 0 ? <Paragraph className="muted chat-empty">{t('chat.empty')}</Paragraph> : null}
            <ol>
              {messages.map((m) => (
                <MessageItem
                  key={m.id}
                  message={m}
                  self={self}
                  isHost={isHost}
                  onReport={report}
                  onModerate={(action, msg, extra) =>
                    moderate(action, {
                      messageId: action === 'delete' ? msg.id : undefined,
                      participantId: action === 'delete' ? undefined : msg.author.participantId,
                      seconds: extra?.seconds,
                    })
                  }
                />
              ))}
            </ol>
          </section>
          <p className="typing muted" aria-hidden="true">
            {typingNames.length === 1
              ? t('chat.typingOne', { nickname: typingNames[0] })
              : typingNames.length > 1
                ? t('chat.typingMany', { count: typingNames.length })
                : '\u00a0'}
          </p>
          {muted ? (
            <Alert data-color="warning" className="block" data-testid="muted">
              <Paragraph>{mutedText(t, muted.until, i18n.language)}</Paragraph>
            </Alert>
          ) : null}
          {slowSeconds > 0 ? (
            <Paragraph data-size="sm" className="muted" data-testid="slowmode">
              {t('chat.slowOn', { count: slowSeconds })}
            </Paragraph>
          ) : null}
          <form onSubmit={send} noValidate className="composer">
            <Textfield
              multiline
              rows={2}
              label={t('chat.compose')}
              description={t('chat.composeHelp')}
              value={draft}
              onChange={(e) => onDraft(e.target.value)}
              onKeyDown={onComposerKey}
              error={sendError}
              ref={composerRef as React.Ref<HTMLTextAreaElement>}
              disabled={!!muted || phase !== 'joined'}
              maxLength={MAX_LENGTH}
              name="message"
              data-testid="composer"
            />
            <div className="button-row">
              <Button type="submit" disabled={!!muted || phase !== 'joined'} data-testid="send-message">
                {t('chat.send')}
              </Button>
              <Button type="button" variant="tertiary" onClick={leave}>
                {t('chat.leave')}
              </Button>
            </div>
          </form>
        </div>
        <aside aria-labelledby="people-h" className="chat-side">
          <Heading level={2} id="people-h" data-size="xs">
            {t('chat.present', { count: participants.length })}
          </Heading>
          {hosts.length === 0 ? (
            <Paragraph data-size="sm" className="muted">
              {t('chat.noHost')}
            </Paragraph>
          ) : null}
          <ul className="people" data-testid="participants">
            {participants.map((p) => (
              <li key={p.id}>
                <span>{p.nickname}</span>
                {p.isHost ? (
                  <Tag data-size="sm" data-color="brand1">
                    {t('chat.host')}
                  </Tag>
                ) : null}
                {p.id === self?.id ? <span className="muted"> ({t('chat.you')})</span> : null}
              </li>
            ))}
          </ul>
          {isHost ? (
            <HostTools
              alerts={alerts}
              onDismiss={(id) => setAlerts((list) => list.filter((a) => a.messageId !== id))}
              onModerate={(action, extra) => moderate(action, extra ?? {})}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}

export default function CafeRoomPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<CafeRoom[]>('/api/cafe/rooms');
  const room = data?.find((r) => r.slug === slug);
  // While one is in the room, the count in the heading follows who is there.
  const [presence, setPresence] = useState<number | null>(null);
  return (
    <BreakGate>
      {loading ? (
        <Loading />
      ) : error ? (
        <>
          <PageHeader title={t('cafe.title')} />
          <ErrorAlert error={error} retry={reload} />
        </>
      ) : !room ? (
        <NotFoundPage />
      ) : (
        <>
          <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
            <Link to="/kafe" className="ds-link">
              {t('nav.cafe')}
            </Link>
          </nav>
          <PageHeader title={room.name} lead={room.description}>
            <RoomState room={presence === null ? room : { ...room, participants: presence }} />
          </PageHeader>
          <Room room={room} onPresence={setPresence} />
        </>
      )}
    </BreakGate>
  );
}
