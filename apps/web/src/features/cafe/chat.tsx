import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CrisisSupport } from '../../components/helplines';
import { Composer } from './composer';
import { HostTools } from './host-tools';
import { MessageItem } from './message-item';
import type { CafeRoomControls } from './use-cafe-room';
import { mutedText } from './use-cafe-room';

/** Inside a room: the log, who is typing, the composer, who is here, and the host's tools. */
export function Chat({ room }: { room: CafeRoomControls }) {
  const { t, i18n } = useTranslation();
  const { view } = room;
  const logRef = useRef<HTMLElement>(null);
  const isHost = !!view.self?.isHost;
  const hosts = useMemo(() => view.participants.filter((p) => p.isHost), [view.participants]);
  const typingNames = Object.keys(view.typing);

  // Keep the newest message in view when the reader is already at the bottom.
  useEffect(() => {
    const el = logRef.current;
    if (!el || view.messages.length === 0) return;
    const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 160;
    if (nearBottom) el.scrollTop = el.scrollHeight;
  }, [view.messages]);

  return (
    <div className="chat">
      {view.phase === 'reconnecting' ? (
        <Alert data-color="warning" className="block" data-testid="reconnecting">
          <Paragraph>{t('chat.reconnecting')}</Paragraph>
        </Alert>
      ) : null}
      {view.support ? (
        <CrisisSupport resources={view.support.resources} staffed={view.support.staffed} revision={view.support} />
      ) : null}
      <div className="chat-layout">
        <div className="chat-main">
          <Heading level={2} id="messages-h" className="ds-sr-only">
            {t('chat.messages')}
          </Heading>
          {/* A scrolling region must take keyboard focus so it can be scrolled without a mouse (WCAG 2.1.1). */}
          {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <section className="chat-log" ref={logRef} tabIndex={0} aria-labelledby="messages-h" data-testid="chat-log">
            {view.messages.length === 0 ? <Paragraph className="muted chat-empty">{t('chat.empty')}</Paragraph> : null}
            <ol>
              {view.messages.map((m) => (
                <MessageItem
                  key={m.id}
                  message={m}
                  self={view.self}
                  isHost={isHost}
                  onReport={room.report}
                  onModerate={(action, msg, extra) =>
                    room.moderate(action, {
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
          {view.muted ? (
            <Alert data-color="warning" className="block" data-testid="muted">
              <Paragraph>{mutedText(t, view.muted.until, i18n.language)}</Paragraph>
            </Alert>
          ) : null}
          {view.slowSeconds > 0 ? (
            <Paragraph data-size="sm" className="muted" data-testid="slowmode">
              {t('chat.slowOn', { count: view.slowSeconds })}
            </Paragraph>
          ) : null}
          <Composer
            disabled={!!view.muted || view.phase !== 'joined'}
            draftKey={`cafe:${room.slug}`}
            onSend={room.send}
            onTyping={room.typing}
            onLeave={room.leave}
          />
        </div>
        <aside aria-labelledby="people-h" className="chat-side">
          <Heading level={2} id="people-h" data-size="xs">
            {t('chat.present', { count: view.participants.length })}
          </Heading>
          {hosts.length === 0 ? (
            <Paragraph data-size="sm" className="muted">
              {t('chat.noHost')}
            </Paragraph>
          ) : null}
          <ul className="people" data-testid="participants">
            {view.participants.map((p) => (
              <li key={p.id}>
                <span>{p.nickname}</span>
                {p.isHost ? (
                  <Tag data-size="sm" data-color="brand1">
                    {t('chat.host')}
                  </Tag>
                ) : null}
                {p.id === view.self?.id ? <span className="muted"> ({t('chat.you')})</span> : null}
              </li>
            ))}
          </ul>
          {isHost ? (
            <HostTools
              alerts={view.alerts}
              onDismiss={room.dismissAlert}
              onModerate={(action, extra) => room.moderate(action, extra ?? {})}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
