import { Heading, Tag } from '@digdir/designsystemet-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModStats, Page, QueueItem } from '../api/types';
import { ErrorAlert } from '../components/feedback';
import { RequireRole } from '../components/guards';
import { PageHeader } from '../components/page-header';
import { AuditLog } from '../features/moderation/audit-log';
import { DutyAndStats } from '../features/moderation/duty';
import { Queue } from '../features/moderation/queue';
import { SanctionsList } from '../features/moderation/sanctions-list';
import { useModLive } from '../features/moderation/use-mod-live';
import { useApi } from '../lib/use-api';

function ModerationContent() {
  const { t } = useTranslation();
  const stats = useApi<ModStats>('/api/mod/stats');
  const queue = useApi<Page<QueueItem>>('/api/mod/queue?limit=50');
  const { reload: reloadQueue } = queue;
  const { reload: reloadStats } = stats;
  const live = useModLive(
    useCallback(() => {
      reloadQueue();
      reloadStats();
    }, [reloadQueue, reloadStats]),
  );

  return (
    <>
      <PageHeader title={t('mod.title')} lead={t('mod.lead')}>
        <div className="tags">
          <Tag data-size="sm" data-color={live === 'live' ? 'success' : 'neutral'} data-testid="mod-live">
            {t(`mod.live.${live}`)}
          </Tag>
        </div>
      </PageHeader>
      <nav aria-label={t('profile.sections')} className="toc">
        <ul>
          <li>
            <a href="#ko" className="ds-link">
              {t('mod.queueHeading')}
            </a>
          </li>
          <li>
            <a href="#reaksjoner" className="ds-link">
              {t('sanctions.heading')}
            </a>
          </li>
          <li>
            <a href="#logg" className="ds-link">
              {t('mod.audit.heading')}
            </a>
          </li>
        </ul>
      </nav>
      {stats.error ? <ErrorAlert error={stats.error} retry={stats.reload} announce={false} /> : null}
      <DutyAndStats stats={stats.data} onDutyChange={stats.reload} />
      <section id="ko" aria-labelledby="queue-h" className="section">
        <Heading level={2} id="queue-h" data-size="sm">
          {t('mod.queueHeading')}
        </Heading>
        <Queue queue={queue} onChanged={stats.reload} />
      </section>
      <section id="reaksjoner" aria-labelledby="sanctions-h" className="section">
        <Heading level={2} id="sanctions-h" data-size="sm">
          {t('sanctions.heading')}
        </Heading>
        <SanctionsList />
      </section>
      <section id="logg" aria-labelledby="audit-h" className="section">
        <Heading level={2} id="audit-h" data-size="sm">
          {t('mod.audit.heading')}
        </Heading>
        <AuditLog />
      </section>
    </>
  );
}

export default function ModerationPage() {
  const { t } = useTranslation();
  return (
    <RequireRole minRole="moderator" title={t('mod.title')}>
      <ModerationContent />
    </RequireRole>
  );
}
