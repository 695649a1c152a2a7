import { Button, Checkbox, Heading, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert } from '../../components/feedback';
import { useSubmit } from '../../lib/use-submit';
import { LabelledSelect } from './fields';

const KINDS = ['text', 'single', 'multi', 'scale'] as const;
type Kind = (typeof KINDS)[number];

interface QuestionDraft {
  kind: Kind;
  prompt: string;
  options: string;
  required: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localInput = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
const inDays = (days: number) => localInput(new Date(Date.now() + days * 86_400_000));

const EMPTY = {
  title: '',
  summary: '',
  body: '',
  requester: '',
  audience: 'panel',
  anonymity: 'anonymous',
  confidentiality: '',
  opensAt: inDays(0),
  closesAt: inDays(21),
  reportDueAt: inDays(60),
};

/** The coordinator writes a consultation as a draft: what is asked, of whom, how, until when. */
export function ConsultationEditor({ onCreated }: { onCreated(): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [v, setV] = useState(EMPTY);
  const [questions, setQuestions] = useState<QuestionDraft[]>([
    { kind: 'text', prompt: '', options: '', required: true },
  ]);
  const set = (k: keyof typeof EMPTY) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  const create = useSubmit(async () => {
    await api.post('/api/consultations', {
      ...v,
      confidentiality: v.confidentiality.trim() || undefined,
      opensAt: new Date(v.opensAt).toISOString(),
      closesAt: new Date(v.closesAt).toISOString(),
      reportDueAt: new Date(v.reportDueAt).toISOString(),
      questions: questions.map((q) => ({
        kind: q.kind,
        prompt: q.prompt,
        required: q.required,
        ...(q.kind === 'single' || q.kind === 'multi'
          ? {
              options: q.options
                .split(',')
                .map((o) => o.trim())
                .filter(Boolean),
            }
          : {}),
      })),
    });
    say(t('admin.consultations.created'));
    setV(EMPTY);
    onCreated();
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    void create.run();
  }
  const text = (k: keyof typeof EMPTY, type: 'text' | 'datetime-local' = 'text') => (
    <Textfield
      id={`consultation-${k}`}
      type={type}
      label={t(`admin.consultations.fields.${k}`)}
      value={v[k]}
      onChange={(e) => set(k)(e.target.value)}
    />
  );
  return (
    <form onSubmit={submit} noValidate className="form admin-form" aria-labelledby="new-consultation">
      <Heading level={3} data-size="xs" id="new-consultation">
        {t('admin.consultations.new')}
      </Heading>
      {text('title')}
      {text('summary')}
      <div className="ds-field-like">
        <label htmlFor="consultation-body" className="ds-label">
          {t('admin.consultations.fields.body')}
        </label>
        <Textarea id="consultation-body" rows={5} value={v.body} onChange={(e) => set('body')(e.target.value)} />
      </div>
      {text('requester')}
      <LabelledSelect
        id="consultation-audience"
        label={t('admin.consultations.fields.audience')}
        value={v.audience}
        onChange={set('audience')}
      >
        {['everyone', 'members', 'panel'].map((a) => (
          <option key={a} value={a}>
            {t(`admin.consultations.audiences.${a}`)}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect
        id="consultation-anonymity"
        label={t('admin.consultations.fields.anonymity')}
        value={v.anonymity}
        onChange={set('anonymity')}
      >
        {['anonymous', 'named'].map((a) => (
          <option key={a} value={a}>
            {t(`admin.consultations.anonymity.${a}`)}
          </option>
        ))}
      </LabelledSelect>
      {text('confidentiality')}
      {text('opensAt', 'datetime-local')}
      {text('closesAt', 'datetime-local')}
      {text('reportDueAt', 'datetime-local')}
      {questions.map((q, i) => (
        <fieldset key={i} className="question-draft">
          <legend>{t('admin.consultations.question', { n: i + 1 })}</legend>
          <LabelledSelect
            id={`q-kind-${i}`}
            label={t('admin.consultations.fields.kind')}
            value={q.kind}
            onChange={(kind) => setQuestions((qs) => qs.map((x, j) => (j === i ? { ...x, kind: kind as Kind } : x)))}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.consultations.kinds.${k}`)}
              </option>
            ))}
          </LabelledSelect>
          <Textfield
            id={`q-prompt-${i}`}
            label={t('admin.consultations.fields.prompt')}
            value={q.prompt}
            onChange={(e) => setQuestions((qs) => qs.map((x, j) => (j === i ? { ...x, prompt: e.target.value } : x)))}
          />
          {q.kind === 'single' || q.kind === 'multi' ? (
            <Textfield
              id={`q-options-${i}`}
              label={t('admin.consultations.fields.options')}
              value={q.options}
              onChange={(e) =>
                setQuestions((qs) => qs.map((x, j) => (j === i ? { ...x, options: e.target.value } : x)))
              }
            />
          ) : null}
          <Checkbox
            label={t('admin.consultations.fields.required')}
            checked={q.required}
            onChange={(e) =>
              setQuestions((qs) => qs.map((x, j) => (j === i ? { ...x, required: e.target.checked } : x)))
            }
          />
        </fieldset>
      ))}
      <div className="button-row">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setQuestions((qs) => [...qs, { kind: 'text', prompt: '', options: '', required: false }])}
        >
          {t('admin.consultations.addQuestion')}
        </Button>
        <Button type="submit" disabled={create.busy} data-testid="create-consultation">
          {t('admin.consultations.create')}
        </Button>
      </div>
      {create.failure ? <ErrorAlert error={create.failure} /> : null}
    </form>
  );
}
