import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { hasContact, OperatorContact, useOperator } from '../components/operator-contact';
import { PageHeader } from '../components/page-header';
import { formatCalendarDate } from '../lib/format';

const SECTIONS = ['status', 'measures', 'known', 'feedback', 'enforcement'] as const;

/** The statement the law asks for: dated, with the operator's contact and the way to complain (uustatus.no). */
export default function AccessibilityPage() {
  const { t, i18n } = useTranslation();
  const { data: operator } = useOperator();
  const date = operator?.accessibilityStatementDate;
  return (
    <div className="prose-page">
      <PageHeader title={t('a11y.title')} lead={t('a11y.lead')} />
      {operator ? (
        <Paragraph className="muted">
          {date
            ? t('operator.a11y.date', { date: formatCalendarDate(date, i18n.language) })
            : t('operator.a11y.noDate')}
        </Paragraph>
      ) : null}
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`a11y-${s}`} className="section">
          <Heading level={2} id={`a11y-${s}`} data-size="sm">
            {t(`a11y.${s}.heading`)}
          </Heading>
          <Paragraph>{t(`a11y.${s}.text`)}</Paragraph>
          {s === 'feedback' && operator ? (
            hasContact(operator) ? (
              <>
                <Paragraph className="mt-2">
                  {operator.name
                    ? t('operator.a11y.reachNamed', { name: operator.name })
                    : t('operator.a11y.reachUnnamed')}
                </Paragraph>
                <OperatorContact operator={operator} />
              </>
            ) : (
              <Paragraph className="mt-2">{t('operator.a11y.none')}</Paragraph>
            )
          ) : null}
          {s === 'enforcement' ? (
            <>
              <Paragraph className="mt-2">{t('operator.a11y.complaint')}</Paragraph>
              <Paragraph className="mt-2">
                <Link href="https://www.uustatus.no/">{t('operator.a11y.uustatus')}</Link>
              </Paragraph>
            </>
          ) : null}
        </section>
      ))}
    </div>
  );
}
