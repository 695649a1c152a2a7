import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { HelplineList } from '../components/helplines';
import { PageHeader } from '../components/page-header';
import { useApi } from '../lib/use-api';

function onConnectionChange(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export default function HelpPage() {
  const { t } = useTranslation();
  const { data } = useApi<{ staffed: boolean }>('/api/status');
  const online = useSyncExternalStore(onConnectionChange, () => navigator.onLine);
  return (
    <>
      <PageHeader title={t('help.title')} lead={t('help.lead')} />
      <Alert data-color="warning" className="block emergency">
        <Heading level={2} data-size="sm">
          {t('help.emergencyHeading')}
        </Heading>
        <Paragraph>{t('help.emergencyText')}</Paragraph>
      </Alert>
      <section aria-labelledby="lines-heading" className="section">
        <Heading level={2} id="lines-heading" data-size="sm">
          {t('help.linesHeading')}
        </Heading>
        {online ? null : (
          <Paragraph className="muted" data-testid="offline-help">
            {t('safety.offlineHelp')}
          </Paragraph>
        )}
        <HelplineList />
      </section>
      <section aria-labelledby="forum-help-heading" className="section">
        <Heading level={2} id="forum-help-heading" data-size="sm">
          {t('help.forumHeading')}
        </Heading>
        <Paragraph>{t('help.forumText')}</Paragraph>
        {data ? (
          <Paragraph className="mt-2">{data.staffed ? t('home.staffed') : t('home.notStaffed')}</Paragraph>
        ) : null}
      </section>
    </>
  );
}
