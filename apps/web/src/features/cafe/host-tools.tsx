import { Alert, Button, Heading, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CafeAlert } from '#libs/contracts';
import { DeleteConfirmButton } from '../../components/confirm-button';

/** Alerts for the hosts, slow mode and closing the room. */
export function HostTools({
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
