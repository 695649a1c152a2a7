import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Consultation, ConsultationReport } from '../api/types';
import { ErrorAlert, Loading } from '../components/feedback';
import { PageHeader } from '../components/page-header';
import { AnswerForm } from '../features/consultations/answer-form';
import { AcknowledgeForm, ReportView } from '../features/consultations/report-view';
import { isStatus } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/use-api';
import { useSession } from '../session';
import { ConsultationStatus } from './consultations';

export default function ConsultationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const { data: c, error, loading, reload } = useApi<Consultation>(`/api/consultations/${encodeURIComponent(id)}`);
  const reported = c?.reportPublishedAt ? `/api/consultations/${encodeURIComponent(id)}/report` : null;
  const { data: report } = useApi<ConsultationReport>(reported);
  if (loading) return <Loading />;
  if (error)
    return isStatus(error, 400, 404) ? (
      <Alert data-color="info">
        <Paragraph>{t('consultations.notFound')}</Paragraph>
      </Alert>
    ) : (
      <ErrorAlert error={error} retry={reload} />
    );
  if (!c) return null;
  const guestMayAnswer = c.audience === 'everyone' && c.anonymity === 'anonymous';
  return (
    <div className="narrow">
      <PageHeader title={c.title} lead={c.summary} />
      <ConsultationStatus consultation={c} />
      <Paragraph className="muted">
        {t('consultations.askedBy', { who: c.requester })} ·{' '}
        {t('consultations.reportDue', { when: formatDateTime(c.reportDueAt, i18n.language) })}
      </Paragraph>
      <div className="post-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
      {c.confidentiality ? (
        <Alert data-color="info" className="block">
          <Paragraph>
            <strong>{t('consultations.confidentiality')}</strong> {c.confidentiality}
          </Paragraph>
        </Alert>
      ) : null}
      {c.status === 'open' && !c.responded && (user || guestMayAnswer) ? (
        <AnswerForm consultation={c} onAnswered={() => undefined} />
      ) : null}
      {c.status === 'open' && !c.responded && !user && !guestMayAnswer ? (
        <Paragraph>{t('consultations.logInToAnswer')}</Paragraph>
      ) : null}
      {c.responded ? (
        <Alert data-color="success" className="block">
          <Paragraph>{t('consultations.youAnswered')}</Paragraph>
        </Alert>
      ) : null}
      {report ? (
        <>
          <ReportView report={report} />
          {c.responded || (!user && guestMayAnswer) ? <AcknowledgeForm consultationId={c.id} guest={!user} /> : null}
        </>
      ) : null}
    </div>
  );
}
