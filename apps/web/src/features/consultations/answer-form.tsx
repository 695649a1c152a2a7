import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Textarea } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Consultation, ConsultationQuestion, ConsultationResponded } from '../../api/types';
import { CrisisSupport } from '../../components/helplines';
import { NotSentAlert } from '../../components/not-sent';
import { PreSendHelp } from '../../components/pre-send-help';
import { useSubmit } from '../../lib/use-submit';

type Value = string | string[] | number | undefined;

/** One question as its kind asks: free text, one choice, several choices, or a scale. */
function QuestionField({
  question,
  value,
  onChange,
}: {
  question: ConsultationQuestion;
  value: Value;
  onChange(value: Value): void;
}) {
  const { t } = useTranslation();
  const name = `q-${question.id}`;
  const legend = (
    <Fieldset.Legend>
      {question.prompt}
      {question.required ? ` (${t('consultations.required')})` : ''}
    </Fieldset.Legend>
  );
  if (question.kind === 'text')
    return (
      <Textarea
        id={name}
        rows={4}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        maxLength={5000}
      />
    );
  if (question.kind === 'scale') {
    const values = Array.from(
      { length: (question.max ?? 5) - (question.min ?? 1) + 1 },
      (_, i) => (question.min ?? 1) + i,
    );
    return (
      <Fieldset>
        {legend}
        <div className="scale">
          {values.map((v) => (
            <Radio
              key={v}
              name={name}
              value={String(v)}
              label={String(v)}
              checked={value === v}
              onChange={() => onChange(v)}
            />
          ))}
        </div>
      </Fieldset>
    );
  }
  const options = question.options ?? [];
  if (question.kind === 'single')
    return (
      <Fieldset>
        {legend}
        {options.map((o) => (
          <Radio key={o} name={name} value={o} label={o} checked={value === o} onChange={() => onChange(o)} />
        ))}
      </Fieldset>
    );
  const chosen = Array.isArray(value) ? value : [];
  return (
    <Fieldset>
      {legend}
      {options.map((o) => (
        <Checkbox
          key={o}
          name={name}
          value={o}
          label={o}
          checked={chosen.includes(o)}
          onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o))}
        />
      ))}
    </Fieldset>
  );
}

/** The answer form; after sending, the receipt code to write down (and help, if the words asked for it). */
export function AnswerForm({ consultation, onAnswered }: { consultation: Consultation; onAnswered(): void }) {
  const { t } = useTranslation();
  const questions = consultation.questions ?? [];
  const [values, setValues] = useState<Record<string, Value>>({});
  const [done, setDone] = useState<ConsultationResponded | null>(null);
  const send = useSubmit(async () => {
    const answers = questions
      .filter(
        (q) =>
          values[q.id] !== undefined &&
          values[q.id] !== '' &&
          !(Array.isArray(values[q.id]) && (values[q.id] as string[]).length === 0),
      )
      .map((q) => ({ questionId: q.id, value: values[q.id] }));
    setDone(await api.post<ConsultationResponded>(`/api/consultations/${consultation.id}/responses`, { answers }));
    onAnswered();
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    void send.run();
  }
  if (done)
    return (
      <section aria-labelledby="answered-heading" className="block">
        {done.support ? <CrisisSupport resources={done.support} staffed={done.staffed} /> : null}
        {done.notices?.length ? (
          <Alert data-color="warning" className="block">
            <Paragraph>{t('consultations.personalDetails')}</Paragraph>
          </Alert>
        ) : null}
        <Heading level={2} data-size="sm" id="answered-heading">
          {t('consultations.thanks')}
        </Heading>
        <Paragraph>{t('consultations.receiptIntro')}</Paragraph>
        <Paragraph data-testid="receipt-code" className="receipt-code">
          <strong>{done.receiptCode}</strong>
        </Paragraph>
      </section>
    );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="answer-heading" className="block">
      <Heading level={2} data-size="sm" id="answer-heading">
        {t('consultations.answerHeading')}
      </Heading>
      <Paragraph>
        {consultation.anonymity === 'anonymous' ? t('consultations.anonymousNote') : t('consultations.namedNote')}
      </Paragraph>
      {questions.map((q) => (
        <div key={q.id} className="block">
          {q.kind === 'text' ? (
            <Heading level={3} data-size="2xs">
              <label htmlFor={`q-${q.id}`}>
                {q.prompt}
                {q.required ? ` (${t('consultations.required')})` : ''}
              </label>
            </Heading>
          ) : null}
          <QuestionField question={q} value={values[q.id]} onChange={(v) => setValues((s) => ({ ...s, [q.id]: v }))} />
        </div>
      ))}
      <PreSendHelp
        text={Object.values(values)
          .filter((v): v is string => typeof v === 'string')
          .join('\n')}
        anonymous={consultation.anonymity === 'anonymous'}
      />
      {send.failure ? <NotSentAlert error={send.failure} /> : null}
      <Button type="submit" disabled={send.busy} data-testid="send-answer">
        {t('consultations.send')}
      </Button>
    </form>
  );
}
