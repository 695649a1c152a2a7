import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PanelAbout } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { renderMarkdown } from '../../lib/markdown';
import { useApi } from '../../lib/use-api';
import { useSession } from '../../session';
import { InterestForm } from './interest-form';
import { inLanguage } from './words';

/** What a visitor who is already in the panel, or already a member, is pointed to instead of the form. */
function ForYou() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  if (!user) return null;
  if (can('panel'))
    return (
      <Alert data-color="info" className="block" data-testid="pool-member-link">
        <Paragraph>
          {t('pool.about.youAreMember')}{' '}
          <Link to="/panelet/mine" className="ds-link">
            {t('pool.about.yourPage')}
          </Link>
        </Paragraph>
      </Alert>
    );
  return (
    <Alert data-color="info" className="block">
      <Paragraph>
        {t('pool.about.memberCanApply')}{' '}
        <Link to="/profil#panel" className="ds-link">
          {t('pool.about.applyInProfile')}
        </Link>
      </Paragraph>
    </Alert>
  );
}

/** /panelet: what the panel is and asks of a member (the coordinator's text), and "I'm interested". */
export default function AboutPage() {
  const { t, i18n } = useTranslation();
  const about = useApi<PanelAbout>('/api/panel/about');
  const html = useMemo(() => renderMarkdown(inLanguage(about.data, i18n.language)), [about.data, i18n.language]);
  return (
    <div className="prose-page">
      <PageHeader title={t('pool.about.title')} lead={t('pool.about.lead')}>
        <Paragraph className="mt-2">
          <a href="#interesse" className="ds-link" data-testid="pool-cta">
            {t('pool.about.cta')}
          </a>
        </Paragraph>
      </PageHeader>
      <ForYou />
      {about.loading ? <Loading /> : null}
      {about.error ? <ErrorAlert error={about.error} retry={about.reload} announce={false} /> : null}
      {about.data ? <div className="prose" dangerouslySetInnerHTML={{ __html: html }} /> : null}
      <section id="interesse" aria-labelledby="interesse-h" className="section panel mt-6">
        <Heading level={2} id="interesse-h" data-size="sm">
          {t('pool.interest.heading')}
        </Heading>
        <Paragraph>{t('pool.interest.lead')}</Paragraph>
        <InterestForm />
      </section>
    </div>
  );
}
