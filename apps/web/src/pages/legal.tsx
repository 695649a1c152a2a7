import { useTranslation } from 'react-i18next';
import { LegalBody, useLegalText } from '../components/legal-text';
import { PageHeader } from '../components/page-header';

function LegalPage({ path, fallbackTitle }: { path: '/api/guidelines' | '/api/privacy'; fallbackTitle: string }) {
  const text = useLegalText(path);
  return (
    <div className="prose-page">
      <PageHeader title={text.title ?? fallbackTitle} />
      <LegalBody html={text.html} loading={text.loading} error={text.error} reload={text.reload} />
    </div>
  );
}

export function PrivacyPage() {
  const { t } = useTranslation();
  return <LegalPage path="/api/privacy" fallbackTitle={t('footer.privacy')} />;
}

export function GuidelinesPage() {
  const { t } = useTranslation();
  return <LegalPage path="/api/guidelines" fallbackTitle={t('footer.guidelines')} />;
}
