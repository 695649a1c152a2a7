import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

const EVERY_MS = 5 * 60_000;

/** The menu's "Ubesvarte" for hosts, with how many threads wait for someone to answer. */
export function UnansweredNavLabel() {
  const { t } = useTranslation();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api.get<{ count: number }>('/api/host/unanswered/count').then(
        (r) => live && setCount(r.count),
        () => undefined,
      );
    void load();
    const timer = window.setInterval(() => void load(), EVERY_MS);
    // A host back at the tab sees the count as it is now.
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, []);
  return (
    <>
      {t('nav.unanswered')}
      {count ? (
        <span className="nav-badge" data-testid="unanswered-badge">
          <span aria-hidden="true">{count >= 100 ? '99+' : count}</span>
          <span className="ds-sr-only">{t('nav.unansweredBadge', { count })}</span>
        </span>
      ) : null}
    </>
  );
}
