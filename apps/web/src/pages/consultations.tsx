import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Consultation, Page } from '../api/types';
import { ErrorAlert, Loading } from '../components/feedback';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/use-api';

/** The status a reader needs: open (until when), awaiting the report (overdue?), reported. */
export function ConsultationStatus({ consultation: c }: { consultation: Consultation }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="tags">
      <Tag data-size="sm" data-color={c.status === 'open' ? 'success' : 'neutral'}>
        {c.status === 'open'
          ? t('consultations.status.openUntil', { when: formatDateTime(c.closesAt, i18n.language) })
          : t(`consultations.status.${c.status}`)}
      </Tag>
      {c.overdue ? (
        <Tag data-size="sm" data-color="danger" data-testid="overdue">
          {t('consultations.overdue')}
        </Tag>
      ) : null}
    </p>
  );
}

export default function ConsultationsPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<Page<Consultation>>('/api/consultations?limit=50');
  return (
    <div className="narrow">
      <PageHeader title={t('consultations.title')} lead={t('consultations.lead')} />
      {loading ? <Loading /> : error ? <ErrorAlert error={error} retry={reload} /> : null}
      {data?.items.length === 0 ? <Paragraph>{t('consultations.none')}</Paragraph> : null}
      <ul className="card-list">
        {data?.items.map((c) => (
          <li key={c.id}>
            <Card data-color="neutral">
              <Heading level={2} data-size="xs">
                <Link to={`/radslag/${c.id}`} className="ds-link">
                  {c.title}
                </Link>
              </Heading>
              <Paragraph>{c.summary}</Paragraph>
              <ConsultationStatus consultation={c} />
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
