import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Receipt } from '../api/types';
import { ErrorAlert, Loading } from '../components/feedback';
import { PageHeader } from '../components/page-header';
import { isStatus } from '../lib/errors';
import { useApi } from '../lib/use-api';

export default function ReceiptPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<Receipt>(`/api/receipts/${encodeURIComponent(token)}`);
  return (
    <div className="narrow">
      <PageHeader title={t('receipt.title')} lead={t('receipt.lead')} />
      {loading ? (
        <Loading />
      ) : error ? (
        isStatus(error, 400, 404) ? (
          <Alert data-color="info" className="block">
            <Paragraph>{t('receipt.unknown')}</Paragraph>
          </Alert>
        ) : (
          <ErrorAlert error={error} retry={reload} />
        )
      ) : data ? (
        <Alert
          data-color={data.status === 'published' ? 'success' : data.status === 'rejected' ? 'warning' : 'info'}
          className="block"
          data-testid="receipt-status"
        >
          <Heading level={2} data-size="xs">
            {t(`receipt.status.${data.status}`)}
          </Heading>
          {data.status === 'pending' ? <Paragraph>{t('receipt.pendingText')}</Paragraph> : null}
          {data.status === 'rejected' ? (
            <Paragraph>
              {data.rejectionReason
                ? t('post.rejectedReason', { reason: data.rejectionReason })
                : t('receipt.rejectedNoReason')}
            </Paragraph>
          ) : null}
          {data.link && data.link.startsWith('/') ? (
            <Paragraph className="mt-2">
              <Link to={data.link} className="ds-link">
                {t('receipt.open')}
              </Link>
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
      <Paragraph className="mt-4 muted">{t('receipt.privacy')}</Paragraph>
    </div>
  );
}
