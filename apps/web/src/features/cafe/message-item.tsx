import { Button, Fieldset, Radio, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAFE_REPORT_REASONS } from '#libs/contracts';
import type { CafeMessage, Participant } from '../../api/types';
import { SanctionForm } from '../../components/mod-forms';
import { formatTime } from '../../lib/format';

/** One message in the log, with reporting for everyone and the host's tools for hosts. */
export function MessageItem({
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
                {CAFE_REPORT_REASONS.map((r, i) => (
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
                    error={i === CAFE_REPORT_REASONS.length - 1 ? error : undefined}
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
