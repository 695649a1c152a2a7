import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ConsultationReport } from '../../api/types';
import { ErrorAlert } from '../../components/feedback';
import { useSubmit } from '../../lib/use-submit';

const RESPONSES = ['received', 'question', 'follow_up'] as const;

/** What was heard and done (rule 8), each recommendation with its outcome. */
export function ReportView({ report }: { report: ConsultationReport }) {
  const { t } = useTranslation();
  const parts = [
    ['heard', report.heard],
    ['done', report.done],
    ['planned', report.planned],
    ['notDone', report.notDone],
  ] as const;
  return (
    <section aria-labelledby="report-heading" className="block" data-testid="report">
      <Heading level={2} data-size="sm" id="report-heading">
        {t('consultations.report.heading')}
      </Heading>
      {parts.map(([key, text]) =>
        text ? (
          <div key={key} className="block">
            <Heading level={3} data-size="2xs">
              {t(`consultations.report.${key}`)}
            </Heading>
            <Paragraph className="pre-line">{text}</Paragraph>
          </div>
        ) : null,
      )}
      {report.recommendations.length > 0 ? (
        <>
          <Heading level={3} data-size="2xs">
            {t('consultations.report.recommendations')}
          </Heading>
          <ul>
            {report.recommendations.map((r, i) => (
              <li key={i}>
                <strong>{r.text}</strong> – {t(`consultations.outcomes.${r.outcome}`)}
                {r.explanation ? `: ${r.explanation}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Rule 9: the respondent says they got it, has a question, or needs a follow-up. */
export function AcknowledgeForm({ consultationId, guest }: { consultationId: string; guest: boolean }) {
  const { t } = useTranslation();
  const [response, setResponse] = useState<(typeof RESPONSES)[number]>('received');
  const [comment, setComment] = useState('');
  const [receiptCode, setReceiptCode] = useState('');
  const [sent, setSent] = useState(false);
  const send = useSubmit(async () => {
    await api.post(`/api/consultations/${consultationId}/report/acknowledgements`, {
      response,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(guest ? { receiptCode: receiptCode.trim() } : {}),
    });
    setSent(true);
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    void send.run();
  }
  if (sent)
    return (
      <Alert data-color="success" className="block">
        <Paragraph>{t('consultations.ack.thanks')}</Paragraph>
      </Alert>
    );
  return (
    <form onSubmit={submit} noValidate className="block" aria-labelledby="ack-heading">
      <Heading level={2} data-size="sm" id="ack-heading">
        {t('consultations.ack.heading')}
      </Heading>
      <Fieldset>
        <Fieldset.Legend>{t('consultations.ack.legend')}</Fieldset.Legend>
        {RESPONSES.map((r) => (
          <Radio
            key={r}
            name="ack"
            value={r}
            label={t(`consultations.ack.${r}`)}
            checked={response === r}
            onChange={() => setResponse(r)}
          />
        ))}
      </Fieldset>
      <Textfield
        label={t('consultations.ack.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={2000}
      />
      {guest ? (
        <Textfield
          label={t('consultations.ack.receiptCode')}
          value={receiptCode}
          onChange={(e) => setReceiptCode(e.target.value)}
          maxLength={64}
        />
      ) : null}
      {send.failure ? <ErrorAlert error={send.failure} /> : null}
      <Button type="submit" disabled={send.busy}>
        {t('consultations.ack.send')}
      </Button>
    </form>
  );
}
