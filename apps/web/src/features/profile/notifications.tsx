import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { AppNotification } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { LoadMoreButton, usePaged } from '../../components/load-more';
import { isStatus } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';

/** The caller's notifications, newest first; "mark as read" for the unread ones shown. */
export function Notifications() {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const paged = usePaged<AppNotification>('/api/me/notifications');
  const markRead = useSubmit(async (ids: string[]) => {
    await api.post('/api/me/notifications/read', { ids });
    const now = new Date().toISOString();
    paged.setItems((items) => items.map((n) => (n.readAt ? n : { ...n, readAt: now })));
    window.dispatchEvent(new Event('erf:notifications-read'));
    say(t('notifications.markedRead'));
  });
  if (paged.loading) return <Loading />;
  // A server without notifications (404) simply has none for you.
  if (paged.error && paged.items.length === 0 && !isStatus(paged.error, 404))
    return <ErrorAlert error={paged.error} retry={paged.reload} announce={false} />;
  if (paged.items.length === 0) return <Paragraph>{t('notifications.none')}</Paragraph>;
  const unread = paged.items.filter((n) => !n.readAt);
  return (
    <>
      <ul className="notifications">
        {paged.items.map((n) => (
          <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
            {!n.readAt ? <span className="ds-sr-only">{t('notifications.unreadMarker')} </span> : null}
            {n.link && n.link.startsWith('/') ? (
              <Link to={n.link} className="ds-link">
                {n.text}
              </Link>
            ) : (
              <span>{n.text}</span>
            )}
            <span className="muted"> · {formatDateTime(n.createdAt, i18n.language)}</span>
          </li>
        ))}
      </ul>
      {unread.length > 0 ? (
        <Button
          variant="secondary"
          data-size="sm"
          className="mt-2"
          disabled={markRead.busy}
          onClick={() => void markRead.run(unread.map((n) => n.id))}
        >
          {t('notifications.markRead')}
        </Button>
      ) : null}
      {paged.hasMore ? <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} /> : null}
      {markRead.failure ? <ErrorAlert error={markRead.failure} /> : null}
    </>
  );
}
