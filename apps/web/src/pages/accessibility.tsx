import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/page-header';

const SECTIONS = ['status', 'measures', 'known', 'feedback', 'enforcement'] as const;

export default function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <div className="prose-page">
      <PageHeader title={t('a11y.title')} lead={t('a11y.lead')} />
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`a11y-${s}`} className="section">
          <Heading level={2} id={`a11y-${s}`} data-size="sm">
            {t(`a11y.${s}.heading`)}
          </Heading>
          <Paragraph>{t(`a11y.${s}.text`)}</Paragraph>
          {s === 'enforcement' ? (
            <Paragraph className="mt-2">
              <Link href="https://www.uutilsynet.no/">{t('a11y.enforcement.link')}</Link>
            </Paragraph>
          ) : null}
        </section>
      ))}
    </div>
  );
}
