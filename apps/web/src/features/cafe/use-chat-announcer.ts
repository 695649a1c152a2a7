import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CafeMessage } from '../../api/types';
import { useAnnounce } from '../../components/announcer';

/**
 * New messages from others are announced politely, but at most one announcement every few
 * seconds: a busy room becomes "3 new messages, the latest from Kari: …" rather than a flood.
 */
export function useChatAnnouncer() {
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
