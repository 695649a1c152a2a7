import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AdminAssignment, CreateAssignmentInput } from '../../api/types';
import { useConfirm } from '../../components/announcer';
import { ErrorAlert } from '../../components/feedback';
import { fieldOf } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { formatDay } from './words';

/** The longest an assignment may run (decision 0033): a renewal is a new assignment, with new consent. */
const MAX_DAYS = 183;
const DAY = 86_400_000;
const FIELDS = [
  'title',
  'description',
  'requester',
  'confidentiality',
  'startsAt',
  'endsAt',
  'estimatedHours',
  'compensation',
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const EMPTY: Values = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Values;

/** A day from a date field, at noon UTC: the same day in Norway, and whole days apart. */
const noon = (day: string) => `${day}T12:00:00.000Z`;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(noon(b)) - Date.parse(noon(a))) / DAY);
const latestEnd = (start: string) =>
  /^\d{4}-\d\d-\d\d$/.test(start) ? new Date(Date.parse(noon(start)) + MAX_DAYS * DAY).toISOString() : null;

export function AssignmentForm({ onCreated }: { onCreated(a: AdminAssignment): void }) {
  const { t, i18n } = useTranslation();
  const confirm = useConfirm();
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const latest = latestEnd(v.startsAt);

  const create = useSubmit(
    async () => {
      const body: CreateAssignmentInput = {
        title: v.title.trim(),
        description: v.description.trim(),
        requester: v.requester.trim(),
        confidentiality: v.confidentiality.trim(),
        startsAt: noon(v.startsAt),
        endsAt: noon(v.endsAt),
        estimatedHours: Number(v.estimatedHours),
        ...(v.compensation.trim() ? { compensation: v.compensation.trim() } : {}),
      };
      const created = await api.post<AdminAssignment>('/api/admin/assignments', body);
      confirm(t('pool.admin.form.created', { title: created.title }));
      setV(EMPTY);
      onCreated(created);
    },
    {
      onError: (error) => {
        const field = fieldOf(error, FIELDS) as Field | undefined;
        if (!field) return false;
        setErrors({ [field]: (error as Error).message });
        document.getElementById(`assignment-${field}`)?.focus();
        return true;
      },
    },
  );

  function check(): Partial<Record<Field, string>> {
    const e: Partial<Record<Field, string>> = {};
    if (v.title.trim().length < 3) e.title = t('pool.admin.form.errors.title');
    for (const f of ['description', 'requester', 'confidentiality'] as const)
      if (!v[f].trim()) e[f] = t('pool.admin.form.errors.required');
    if (!v.startsAt) e.startsAt = t('pool.admin.form.errors.startsAt');
    if (!v.endsAt) e.endsAt = t('pool.admin.form.errors.endsAt');
    else if (v.startsAt && daysBetween(v.startsAt, v.endsAt) <= 0) e.endsAt = t('pool.admin.form.errors.endBefore');
    else if (v.startsAt && daysBetween(v.startsAt, v.endsAt) > MAX_DAYS)
      e.endsAt = t('pool.admin.form.errors.tooLong', { date: formatDay(latest, i18n.language) });
    const hours = Number(v.estimatedHours);
    if (!Number.isInteger(hours) || hours < 1 || hours > 2000) e.estimatedHours = t('pool.admin.form.errors.hours');
    return e;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = check();
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      document.getElementById(`assignment-${first}`)?.focus();
      return;
    }
    void create.run();
  }

  const field = (name: Field, extra: Partial<Parameters<typeof Textfield>[0]> = {}) => (
    <Textfield
      id={`assignment-${name}`}
      label={t(`pool.admin.form.${name}`)}
      value={v[name]}
      onChange={(e) => setV({ ...v, [name]: e.target.value })}
      error={errors[name]}
      {...(extra as object)}
    />
  );

  return (
    <form onSubmit={submit} noValidate className="form" id="assignment-form" data-testid="assignment-form">
      {field('title', { maxLength: 150 })}
      {field('description', { multiline: true, rows: 4, description: t('pool.admin.form.descriptionHelp') })}
      {field('requester', { description: t('pool.admin.form.requesterHelp') })}
      {field('confidentiality', { multiline: true, rows: 3, description: t('pool.admin.form.confidentialityHelp') })}
      {field('startsAt', { type: 'date' })}
      {field('endsAt', {
        type: 'date',
        description: latest
          ? t('pool.admin.form.endRuleWithDate', { date: formatDay(latest, i18n.language) })
          : t('pool.admin.form.endRule'),
      })}
      {field('estimatedHours', { type: 'number', inputMode: 'numeric', min: 1, max: 2000 })}
      {field('compensation', { description: t('pool.admin.form.compensationHelp') })}
      <Paragraph data-size="sm" className="muted">
        {t('pool.admin.form.draftNote')}
      </Paragraph>
      {create.failure ? <ErrorAlert error={create.failure} /> : null}
      <div>
        <Button type="submit" disabled={create.busy} data-testid="create-assignment">
          {t('pool.admin.form.create')}
        </Button>
      </div>
    </form>
  );
}
