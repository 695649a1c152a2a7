import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CalendarFeed } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert } from '../../components/feedback';
import { useSubmit } from '../../lib/use-submit';

/**
 * Subscribing: the open calendar for anyone, and a member's secret personal address — shown once
 * when made (only its hash is kept), replaced or deleted at will.
 */
export function FeedPanel({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [url, setUrl] = useState<string | null>(null);
  const create = useSubmit(async () => {
    setUrl((await api.post<CalendarFeed>('/api/me/calendar-feed')).url);
  });
  const revoke = useSubmit(async () => {
    await api.delete('/api/me/calendar-feed');
    setUrl(null);
    say(t('calendar.feeds.revoked'));
  });
  return (
    <section className="section" aria-labelledby="feeds-h">
      <Heading level={2} id="feeds-h" data-size="sm">
        {t('calendar.feeds.heading')}
      </Heading>
      <Paragraph>
        <a href="/api/events.ics" className="ds-link">
          {t('calendar.feeds.public')}
        </a>
      </Paragraph>
      {signedIn ? (
        <>
          <Paragraph>{t('calendar.feeds.personalLead')}</Paragraph>
          {url ? (
            <>
              <Textfield
                id="personal-feed"
                label={t('calendar.feeds.yourUrl')}
                value={url}
                readOnly
                data-testid="feed-url"
              />
              <Paragraph data-size="sm">{t('calendar.feeds.shownOnce')}</Paragraph>
            </>
          ) : null}
          <div className="actions">
            <Button
              variant="secondary"
              disabled={create.busy}
              onClick={() => void create.run()}
              data-testid="make-feed"
            >
              {t(url ? 'calendar.feeds.replace' : 'calendar.feeds.create')}
            </Button>
            <Button variant="tertiary" disabled={revoke.busy} onClick={() => void revoke.run()}>
              {t('calendar.feeds.revoke')}
            </Button>
          </div>
          {create.failure || revoke.failure ? <ErrorAlert error={create.failure ?? revoke.failure} /> : null}
        </>
      ) : null}
    </section>
  );
}
