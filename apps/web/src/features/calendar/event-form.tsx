import { Button, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CalendarEvent, CreateEventInput } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert } from '../../components/feedback';
import { useSubmit } from '../../lib/use-submit';
import { LabelledSelect } from '../admin/fields';

const EVENT_KINDS = ['seminar', 'meeting', 'course', 'social', 'other'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as a datetime-local input shows it (the browser's own time zone). */
function localInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const toIso = (local: string) => (local ? new Date(local).toISOString() : '');

interface Values {
  title: string;
  description: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  locationName: string;
  locationAddress: string;
  onlineUrl: string;
  audience: string;
  capacity: string;
  registration: string;
}

function valuesOf(e?: CalendarEvent): Values {
  return {
    title: e?.title ?? '',
    description: '',
    kind: e?.kind === 'cafe' ? 'other' : (e?.kind ?? 'meeting'),
    startsAt: localInput(e?.startsAt),
    endsAt: localInput(e?.endsAt),
    locationName: e?.location?.name ?? '',
    locationAddress: e?.location?.address ?? '',
    onlineUrl: e?.onlineUrl ?? '',
    audience: e?.audience ?? 'everyone',
    capacity: e?.capacity ? String(e.capacity) : '',
    registration: e?.registration ?? 'open',
  };
}

/**
 * The organiser's form: a new event, or changes to one (only what was touched is sent, so the
 * description and the online link stay as they are unless written anew).
 */
export function EventForm({
  event,
  onDone,
  onCancel,
}: {
  event?: CalendarEvent;
  onDone(saved: CalendarEvent): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const initial = valuesOf(event);
  const [v, setV] = useState<Values>(initial);
  const set = (k: keyof Values) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  const idp = event ? `edit-${event.id}` : 'new-event';

  const save = useSubmit(async () => {
    const body: Record<string, unknown> = {
      title: v.title,
      kind: v.kind as CreateEventInput['kind'],
      startsAt: toIso(v.startsAt),
      endsAt: toIso(v.endsAt),
      audience: v.audience as CreateEventInput['audience'],
      registration: v.registration as CreateEventInput['registration'],
      location: v.locationName
        ? { name: v.locationName, ...(v.locationAddress ? { address: v.locationAddress } : {}) }
        : undefined,
      capacity: v.capacity ? Number(v.capacity) : undefined,
      onlineUrl: v.onlineUrl || undefined,
    };
    if (event) {
      if (v.description) body.description = v.description;
      if (!v.locationName && event.location) body.location = null;
      if (!v.capacity && event.capacity !== null) body.capacity = null;
      const saved = await api.patch<CalendarEvent>(`/api/events/${event.id}`, body);
      say(t('calendar.form.saved'));
      onDone(saved);
    } else {
      const saved = await api.post<CalendarEvent>('/api/events', { ...body, description: v.description });
      say(t('calendar.form.created'));
      setV(valuesOf());
      onDone(saved);
    }
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    void save.run();
  }
  const text = (k: keyof Values, type: 'text' | 'datetime-local' | 'number' | 'url' = 'text', description?: string) => (
    <Textfield
      id={`${idp}-${k}`}
      type={type}
      label={t(`calendar.form.${k}`)}
      description={description}
      value={v[k]}
      onChange={(e) => set(k)(e.target.value)}
    />
  );
  return (
    <form
      onSubmit={submit}
      noValidate
      className="form"
      aria-label={t(event ? 'calendar.form.editHeading' : 'calendar.form.newHeading')}
    >
      {text('title')}
      <div className="ds-field-like">
        <label htmlFor={`${idp}-description`} className="ds-label">
          {t('calendar.form.description')}
        </label>
        <Textarea
          id={`${idp}-description`}
          rows={4}
          value={v.description}
          onChange={(e) => set('description')(e.target.value)}
        />
      </div>
      <LabelledSelect id={`${idp}-kind`} label={t('calendar.form.kind')} value={v.kind} onChange={set('kind')}>
        {EVENT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`calendar.kinds.${k}`)}
          </option>
        ))}
      </LabelledSelect>
      {text('startsAt', 'datetime-local')}
      {text('endsAt', 'datetime-local')}
      {text('locationName')}
      {text('locationAddress')}
      {text('onlineUrl', 'url', t('calendar.form.onlineUrlHelp'))}
      <LabelledSelect
        id={`${idp}-audience`}
        label={t('calendar.form.audience')}
        value={v.audience}
        onChange={set('audience')}
      >
        {['everyone', 'members', 'panel'].map((a) => (
          <option key={a} value={a}>
            {t(`calendar.audience.${a}`)}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect
        id={`${idp}-registration`}
        label={t('calendar.form.registration')}
        value={v.registration}
        onChange={set('registration')}
      >
        <option value="open">{t('calendar.form.registrationOpen')}</option>
        <option value="none">{t('calendar.form.registrationNone')}</option>
      </LabelledSelect>
      {text('capacity', 'number')}
      {save.failure ? <ErrorAlert error={save.failure} /> : null}
      <div className="actions">
        <Button type="submit" disabled={save.busy} data-testid="save-event">
          {t(event ? 'calendar.form.save' : 'calendar.form.create')}
        </Button>
        {onCancel ? (
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
