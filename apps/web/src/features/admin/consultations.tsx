import { Button, Card, Heading, Paragraph, Select, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Consultation, Page } from '../../api/types';
import type { components } from '../../api/schema.gen';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { ConsultationStatus } from '../../pages/consultations';
import { ConsultationEditor } from './consultation-editor';

type Results = components['schemas']['ResultsDto'];
type Tally = components['schemas']['AcknowledgementTallyDto'];
const OUTCOMES = ['adopted', 'partly', 'not_adopted', 'deferred'] as const;

function ResultsView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data } = useApi<Results>(`/api/consultations/${id}/results`);
  if (!data) return null;
  return (
    <div className="block" data-testid="results">
      <Paragraph>{t('admin.consultations.responses', { count: data.responseCount })}</Paragraph>
      <ul>
        {data.questions.map((q) => (
          <li key={q.questionId}>
            {q.counts
              ? Object.entries(q.counts)
                  .map(([k, n]) => `${k}: ${n}`)
                  .join(' · ')
              : null}
            {q.mean !== null ? ` (${t('admin.consultations.mean')} ${q.mean.toFixed(1)})` : null}
            {q.texts?.length ? (
              <ul>
                {q.texts.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <a href={`/api/consultations/${id}/results.csv`} className="ds-link">
        {t('admin.consultations.csv')}
      </a>
    </div>
  );
}

function ReportEditor({ id, onChanged }: { id: string; onChanged(): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [parts, setParts] = useState({ heard: '', done: '', planned: '', notDone: '' });
  const [recs, setRecs] = useState([{ text: '', outcome: 'adopted', explanation: '' }]);
  const save = useSubmit(async (publish: boolean) => {
    await api.put(`/api/consultations/${id}/report`, {
      ...parts,
      recommendations: recs
        .filter((r) => r.text.trim())
        .map((r) => ({
          text: r.text,
          outcome: r.outcome,
          ...(r.explanation.trim() ? { explanation: r.explanation } : {}),
        })),
    });
    if (publish) await api.post(`/api/consultations/${id}/report/publish`);
    say(publish ? t('admin.consultations.reportPublished') : t('admin.saved'));
    onChanged();
  });
  return (
    <form className="form admin-form" noValidate onSubmit={(e) => e.preventDefault()}>
      {(['heard', 'done', 'planned', 'notDone'] as const).map((k) => (
        <div key={k} className="ds-field-like">
          <label htmlFor={`report-${id}-${k}`} className="ds-label">
            {t(`consultations.report.${k}`)}
          </label>
          <Textarea
            id={`report-${id}-${k}`}
            rows={3}
            value={parts[k]}
            onChange={(e) => setParts((p) => ({ ...p, [k]: e.target.value }))}
          />
        </div>
      ))}
      {recs.map((r, i) => (
        <fieldset key={i} className="question-draft">
          <legend>{t('admin.consultations.recommendation', { n: i + 1 })}</legend>
          <Textfield
            id={`rec-${id}-${i}`}
            label={t('admin.consultations.recommendationText')}
            value={r.text}
            onChange={(e) => setRecs((rs) => rs.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
          />
          <div className="ds-field-like">
            <label htmlFor={`outcome-${id}-${i}`} className="ds-label">
              {t('admin.consultations.outcome')}
            </label>
            <Select
              id={`outcome-${id}-${i}`}
              value={r.outcome}
              onChange={(e) => setRecs((rs) => rs.map((x, j) => (j === i ? { ...x, outcome: e.target.value } : x)))}
            >
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`consultations.outcomes.${o}`)}
                </option>
              ))}
            </Select>
          </div>
          <Textfield
            id={`explanation-${id}-${i}`}
            label={t('admin.consultations.explanation')}
            value={r.explanation}
            onChange={(e) => setRecs((rs) => rs.map((x, j) => (j === i ? { ...x, explanation: e.target.value } : x)))}
          />
        </fieldset>
      ))}
      <div className="button-row">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setRecs((rs) => [...rs, { text: '', outcome: 'adopted', explanation: '' }])}
        >
          {t('admin.consultations.addRecommendation')}
        </Button>
        <Button type="button" variant="secondary" disabled={save.busy} onClick={() => void save.run(false)}>
          {t('admin.consultations.saveReport')}
        </Button>
        <Button type="button" disabled={save.busy} onClick={() => void save.run(true)}>
          {t('admin.consultations.publishReport')}
        </Button>
      </div>
      {save.failure ? <ErrorAlert error={save.failure} /> : null}
    </form>
  );
}

function Acknowledgements({ id, onChanged }: { id: string; onChanged(): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const { data, reload } = useApi<Tally>(`/api/consultations/${id}/report/acknowledgements`);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const handle = useSubmit(async (ackId: string) => {
    await api.post(`/api/consultations/${id}/report/acknowledgements/${ackId}/handled`, { note: notes[ackId] ?? '' });
    say(t('admin.saved'));
    reload();
    onChanged();
  });
  if (!data) return null;
  return (
    <div className="block">
      <Paragraph>
        {t('admin.consultations.tally', {
          acknowledged: data.acknowledged,
          respondents: data.respondents,
          question: data.question,
          followUp: data.followUp,
        })}
      </Paragraph>
      <ul>
        {data.items
          .filter((i) => i.response !== 'received')
          .map((i) => (
            <li key={i.id}>
              {t(`consultations.ack.${i.response}`)}: {i.comment ?? ''}{' '}
              {i.handledAt ? (
                <em>{i.handledNote}</em>
              ) : (
                <span className="button-row">
                  <Textfield
                    id={`note-${i.id}`}
                    label={t('admin.consultations.answerFollowUp')}
                    value={notes[i.id] ?? ''}
                    onChange={(e) => setNotes((n) => ({ ...n, [i.id]: e.target.value }))}
                  />
                  <Button data-size="sm" variant="secondary" onClick={() => void handle.run(i.id)}>
                    {t('admin.consultations.handled')}
                  </Button>
                </span>
              )}
            </li>
          ))}
      </ul>
      {handle.failure ? <ErrorAlert error={handle.failure} /> : null}
    </div>
  );
}

function ConsultationCard({ c, onChanged }: { c: Consultation; onChanged(): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [open, setOpen] = useState(false);
  const act = useSubmit(async (what: 'publish' | 'close' | 'archive') => {
    await api.post(`/api/consultations/${c.id}/${what}`);
    say(t(`admin.consultations.done.${what}`));
    onChanged();
  });
  return (
    <Card data-color="neutral">
      <Heading level={3} data-size="2xs">
        {c.title}
      </Heading>
      <ConsultationStatus consultation={c} />
      <div className="button-row">
        {c.status === 'draft' ? (
          <Button data-size="sm" onClick={() => void act.run('publish')}>
            {t('admin.consultations.publish')} <span className="ds-sr-only">{c.title}</span>
          </Button>
        ) : null}
        {c.status === 'open' || c.status === 'scheduled' ? (
          <Button data-size="sm" variant="secondary" onClick={() => void act.run('close')}>
            {t('admin.consultations.close')} <span className="ds-sr-only">{c.title}</span>
          </Button>
        ) : null}
        {c.status === 'reported' ? (
          <Button data-size="sm" variant="secondary" onClick={() => void act.run('archive')}>
            {t('admin.consultations.archive')} <span className="ds-sr-only">{c.title}</span>
          </Button>
        ) : null}
        {c.status !== 'draft' ? (
          <Button data-size="sm" variant="tertiary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {t('admin.consultations.details')} <span className="ds-sr-only">{c.title}</span>
          </Button>
        ) : null}
      </div>
      {act.failure ? <ErrorAlert error={act.failure} /> : null}
      {open ? (
        <>
          <ResultsView id={c.id} />
          {c.status === 'closed' ? <ReportEditor id={c.id} onChanged={onChanged} /> : null}
          {c.status === 'reported' || c.status === 'archived' ? (
            <Acknowledgements id={c.id} onChanged={onChanged} />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

/** The coordinator's consultations: write, publish, close, read the results, report, follow up, archive. */
export function Consultations() {
  const { data, error, loading, reload } = useApi<Page<Consultation>>('/api/consultations?limit=100');
  return (
    <>
      {loading ? <Loading /> : error ? <ErrorAlert error={error} retry={reload} announce={false} /> : null}
      <ul className="admin-list">
        {data?.items.map((c) => (
          <li key={c.id}>
            <ConsultationCard c={c} onChanged={reload} />
          </li>
        ))}
      </ul>
      <ConsultationEditor onCreated={reload} />
    </>
  );
}
