import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModServerEvents } from '#libs/contracts';
import { useAnnounce } from '../../components/announcer';
import { connect, type Socket } from '../../lib/socket';

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * The moderators' live channel (Socket.IO /mod): each `queue:changed` is announced and, a moment
 * later (several changes at once make one reload), reloads the queue and the figures.
 */
export function useModLive(reload: () => void): LiveState {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [live, setLive] = useState<LiveState>('connecting');
  const debounce = useRef<number | null>(null);
  const latestReload = useRef(reload);
  useLayoutEffect(() => {
    latestReload.current = reload;
  });

  useEffect(() => {
    let socket: Socket | undefined;
    const changed: ModServerEvents['queue:changed'] = (e) => {
      if (debounce.current !== null) window.clearTimeout(debounce.current);
      debounce.current = window.setTimeout(() => latestReload.current(), 300);
      say(
        e.crisisPending > 0
          ? t('mod.liveCrisis', { count: e.pending, crisis: e.crisisPending })
          : t('mod.liveUpdate', { count: e.pending }),
      );
    };
    let stopped = false;
    void connect('/mod').then((s) => {
      if (stopped) return s.close();
      socket = s;
      s.on('connect', () => setLive('live'));
      s.on('disconnect', () => setLive('offline'));
      s.on('connect_error', () => setLive('offline'));
      s.on('queue:changed', changed);
    });
    return () => {
      stopped = true;
      socket?.close();
    };
  }, [say, t]);
  return live;
}
