import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyPost, Page } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { useApi, type ApiState } from '../../lib/use-api';
import { useSession } from '../../session';

/** The reader's own threads in a category that wait for a moderator (from GET /api/me/posts). */
export function useWaitingThreads(slug: string): { items: MyPost[]; reload(): void } {
  const { user } = useSession();
  const mine: ApiState<Page<MyPost>> = useApi<Page<MyPost>>(user ? '/api/me/posts?limit=50' : null);
  const items = (mine.data?.items ?? []).filter((p) => p.opening && p.status === 'pending' && p.categorySlug === slug);
  return { items, reload: mine.reload };
}

/** "Waiting for a moderator": shown above the list, so the list never looks as if nothing was written. */
export function WaitingThreads({ items }: { items: MyPost[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Alert data-color="info" className="block" data-testid="waiting-threads">
      <Heading level={3} data-size="2xs">
        {t('waiting.heading', { count: items.length })}
      </Heading>
      <Paragraph>{t('waiting.text')}</Paragraph>
      <ul className="plain-list">
        {items.map((p) => (
          <li key={p.id} className="mt-2">
            <Link to={`/trad/${p.threadId}`} className="ds-link">
              {p.threadTitle}
            </Link>{' '}
            <span className="muted">
              · {t('waiting.status')} · {formatDateTime(p.createdAt, i18n.language)}
            </span>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
