import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeServerEvents } from '#libs/contracts';
import { api } from '../api/client';
import type { AppNotification, Page } from '../api/types';
import { connect, type Socket } from '../lib/socket';
import { useSession } from '../session';
import { useAnnounce } from './announcer';

/** Unread notifications for the logged-in user, kept live over the /me namespace. */
export function NotificationBadge() {
  const { t } = useTranslation();
  const { user } = useSession();
  const say = useAnnounce();
  const [unread, setUnread] = useState<number | null>(null);

  useEffect(() => {
    if (!user) return;
    let socket: Socket | undefined;
    let stopped = false;
    const onNotification: MeServerEvents['notification'] = (n) => {
      setUnread((u) => (u ?? 0) + 1);
      say(t('notifications.arrived', { text: n.text }));
    };
    api.get<Page<AppNotification>>('/api/me/notifications?limit=50').then(
      (page) => !stopped && setUnread(page.items.filter((n) => !n.readAt).length),
      () => undefined,
    );
    // Connect after the page has settled, so the socket never competes with the first content.
    const timer = window.setTimeout(() => {
      void connect('/me').then((s) => {
        if (stopped) {
          s.close();
          return;
        }
        socket = s;
        s.on('notification', onNotification);
      });
    }, 1500);
    const onRead = () => setUnread(0);
    window.addEventListener('erf:notifications-read', onRead);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      window.removeEventListener('erf:notifications-read', onRead);
      socket?.close();
    };
  }, [user, say, t]);

  if (!user || !unread) return null;
  return (
    <Link to="/profil#varsler" className="ds-link notification-link">
      {t('notifications.unread', { count: unread })}
    </Link>
  );
}
