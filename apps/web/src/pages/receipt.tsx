import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Receipt } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ErrorAlert, Loading } from '../components/feedback';
import { PageHeader } from '../components/page-header';
import { MyReceipts } from '../features/receipts/my-receipts';
import { findStored, rememberReceipt } from '../features/receipts/stored-receipts';
import { isStatus } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/use-api';

/** /kvittering: a receipt by the code a guest wrote down, and the receipts kept in this browser. */
export function ReceiptsPage() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeader title={t('receipts.title')} lead={t('receipts.lead')} />
      <CodeForm />
      <MyReceipts />
      <Paragraph className="mt-4 muted">{t('receipt.privacy')}</Paragraph>
    </div>
  );
}

function CodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    const value = code.trim();
    if (value.replace(/[\s-]/g, '').length !== 12) return setError(t('receipts.codeInvalid'));
    navigate(`/kvittering/${encodeURIComponent(value)}`);
  }
  return (
    <form onSubmit={submit} className="search-form" noValidate>
      <Field className="grow">
        <Label>{t('receipts.codeLabel')}</Label>
        <Paragraph data-size="sm" className="muted">
          {t('receipts.codeHelp')}
        </Paragraph>
        <Input
          name="code"
          value={code}
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setCode(e.target.value);
            setError(undefined);
          }}
        />
        {error ? <ValidationMessage>{error}</ValidationMessage> : null}
      </Field>
      <Button type="submit">{t('receipts.codeOpen')}</Button>
    </form>
  );
}

export default function ReceiptPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<Receipt>(`/api/receipts/${encodeURIComponent(token)}`);
  const stored = findStored(token);
  useEffect(() => {
    // Opened here: kept in "Mine kvitteringer" with what it is for.
    if (data) rememberReceipt(token, data.threadTitle ?? '');
  }, [data, token]);
  return (
    <div className="narrow">
      <PageHeader title={t('receipt.title')} lead={t('receipt.lead')} />
      {loading ? (
        <Loading />
      ) : error ? (
        isStatus(error, 400, 404) ? (
          <Alert data-color="info" className="block">
            <Paragraph>{t('receipts.unknown')}</Paragraph>
            <Paragraph className="mt-2">
              <Link to="/kvittering" className="ds-link">
                {t('receipts.tryCode')}
              </Link>
            </Paragraph>
          </Alert>
        ) : (
          <ErrorAlert error={error} retry={reload} />
        )
      ) : data ? (
        <>
          <Alert
            data-color={data.status === 'published' ? 'success' : data.status === 'rejected' ? 'warning' : 'info'}
            className="block"
            data-testid="receipt-status"
          >
            <Heading level={2} data-size="xs">
              {data.kind === 'directory_suggestion'
                ? t(`directory.receipt.${data.status}`)
                : t(`receipt.status.${data.status}`)}
            </Heading>
            {data.status === 'pending' && data.kind !== 'directory_suggestion' ? (
              <Paragraph>{t('receipt.pendingText')}</Paragraph>
            ) : null}
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
                  {data.kind === 'directory_suggestion' ? t('directory.receipt.open') : t('receipt.open')}
                </Link>
              </Paragraph>
            ) : null}
          </Alert>
          <ReceiptPost receipt={data} language={i18n.language} />
          {stored?.code ? (
            <Paragraph className="mt-4" data-testid="receipt-code">
              {t('receipts.yourCode')} <strong className="receipt-code">{stored.code}</strong>
            </Paragraph>
          ) : null}
        </>
      ) : null}
      <MyReceipts current={stored?.token ?? token} />
      <Paragraph className="mt-4">
        <Link to="/kvittering" className="ds-link">
          {t('receipts.byCode')}
        </Link>
      </Paragraph>
      <Paragraph className="mt-4 muted">{t('receipt.privacy')}</Paragraph>
    </div>
  );
}

/** Which post the receipt is for: the thread's title and the text as written; a rejected guest can copy it. */
function ReceiptPost({ receipt, language }: { receipt: Receipt; language: string }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [copied, setCopied] = useState(false);
  if (!receipt.threadTitle && receipt.body === undefined) return null;
  async function copy() {
    try {
      await navigator.clipboard.writeText(receipt.body ?? '');
      setCopied(true);
      say(t('receipts.copied'), 'polite');
    } catch {
      setCopied(false);
      say(t('receipts.copyFailed'), 'polite');
    }
  }
  return (
    <section className="mt-4" aria-labelledby="receipt-post" data-testid="receipt-post">
      <Heading level={2} data-size="xs" id="receipt-post">
        {receipt.isThread ? t('receipts.forThread') : t('receipts.forReply')}
      </Heading>
      {receipt.threadTitle ? (
        <Paragraph>
          <strong data-testid="receipt-title">{receipt.threadTitle}</strong>
          {receipt.createdAt ? <span className="muted"> · {formatDateTime(receipt.createdAt, language)}</span> : null}
        </Paragraph>
      ) : null}
      {receipt.body !== undefined ? (
        <Field className="mt-2">
          <Label>{t('receipts.yourText')}</Label>
          {receipt.status === 'rejected' ? (
            <Paragraph data-size="sm" className="muted">
              {t('receipts.copyHelp')}
            </Paragraph>
          ) : null}
          <Textarea
            readOnly
            value={receipt.body}
            rows={Math.min(12, receipt.body.split('\n').length + 1)}
            data-testid="receipt-body"
          />
        </Field>
      ) : null}
      {receipt.body !== undefined ? (
        <div className="mt-2">
          <Button
            variant={receipt.status === 'rejected' ? 'primary' : 'secondary'}
            data-size="sm"
            onClick={() => void copy()}
          >
            {t('receipts.copy')}
          </Button>
          {copied ? (
            <Paragraph data-size="sm" className="mt-2" data-testid="copied">
              {t('receipts.copied')}
            </Paragraph>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
