import { Paragraph } from '@digdir/designsystemet-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadSummary } from '../api/types';
import { ErrorAlert, Loading } from '../components/feedback';
import { RequireRole } from '../components/guards';
import { LoadMoreButton, useFocusFirstNew, usePaged } from '../components/load-more';
import { PageHeader } from '../components/page-header';
import { ThreadListItem } from '../features/forum/thread-list-item';

function UnansweredList() {
  const { t } = useTranslation();
  const paged = usePaged<ThreadSummary>('/api/host/unanswered');
  const listRef = useRef<HTMLUListElement>(null);
  useFocusFirstNew(paged.firstNew, listRef);
  if (paged.loading) return <Loading />;
  if (paged.error && paged.items.length === 0)
    return <ErrorAlert error={paged.error} retry={paged.reload} announce={false} />;
  if (paged.items.length === 0)
    return <Paragraph data-testid="unanswered-none">{t('readerSafety.unanswered.none')}</Paragraph>;
  return (
    <>
      <ul className="thread-list" ref={listRef} data-testid="unanswered-list">
        {paged.items.map((th) => (
          <ThreadListItem key={th.id} thread={th} />
        ))}
      </ul>
      {paged.hasMore ? (
        <LoadMoreButton
          onClick={() => void paged.loadMore()}
          loading={paged.loadingMore}
          label={t('readerSafety.unanswered.more')}
        />
      ) : null}
    </>
  );
}

/** Hosts' list of threads nobody else has answered yet, oldest first. */
export default function UnansweredPage() {
  const { t } = useTranslation();
  return (
    <RequireRole minRole="host" title={t('readerSafety.unanswered.title')}>
      <PageHeader title={t('readerSafety.unanswered.title')} lead={t('readerSafety.unanswered.lead')} />
      <UnansweredList />
    </RequireRole>
  );
}
