import { Button, Fieldset, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert } from '../../components/feedback';
import { formatDateTime } from '../../lib/format';
import { breakUntil, setLocalBreak } from '../../lib/pause';
import { useSubmit } from '../../lib/use-submit';
import { useSession } from '../../session';

/** "Ta en pause": the forum and café hidden from oneself for a while. */
const PAUSE_OPTIONS = [
  { key: 'day', hours: 24 },
  { key: 'threeDays', hours: 72 },
  { key: 'week', hours: 24 * 7 },
  { key: 'month', hours: 24 * 30 },
] as const;

export function TakeBreak() {
  const { t, i18n } = useTranslation();
  const { user, refresh } = useSession();
  const navigate = useNavigate();
  const say = useAnnounce();
  const [choice, setChoice] = useState<string>('day');
  const start = useSubmit(async (userId: string, until: string) => {
    try {
      await api.post('/api/me/break', { until });
    } catch (err) {
      // A server without breaks (404): keep it on this device.
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
    setLocalBreak(userId, until);
    await refresh();
    say(t('pause.started', { until: formatDateTime(until, i18n.language) }));
    navigate('/');
  });
  if (!user) return null;
  const running = breakUntil(user);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!user) return;
    const option = PAUSE_OPTIONS.find((o) => o.key === choice) ?? PAUSE_OPTIONS[0];
    void start.run(user.id, new Date(Date.now() + option.hours * 3600_000).toISOString());
  }
  if (running)
    return (
      <Paragraph>{t('pause.activeHeading', { until: formatDateTime(running.toISOString(), i18n.language) })}</Paragraph>
    );
  return (
    <form onSubmit={submit} className="form">
      <Paragraph>{t('pause.intro')}</Paragraph>
      <Fieldset>
        <Fieldset.Legend>{t('pause.legend')}</Fieldset.Legend>
        {PAUSE_OPTIONS.map((o) => (
          <Radio
            key={o.key}
            name="pause"
            value={o.key}
            label={t(`pause.options.${o.key}`)}
            checked={choice === o.key}
            onChange={() => setChoice(o.key)}
          />
        ))}
      </Fieldset>
      {start.failure ? <ErrorAlert error={start.failure} /> : null}
      <div>
        <Button type="submit" variant="secondary" disabled={start.busy}>
          {t('pause.start')}
        </Button>
      </div>
    </form>
  );
}
