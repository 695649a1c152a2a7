import { Button, Card, Heading, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { webRoutes } from '#libs/contracts';
import { query } from '../../api/client';
import type { CalendarEvent, Page } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { locale } from '../../i18n';
import { formatDateTime, formatTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSession } from '../../session';
import { EventForm } from './event-form';
import { FeedPanel } from './feed-panel';

export const KINDS = ['seminar', 'meeting', 'course', 'social', 'other', 'cafe'] as const;
const DAY = 86_400_000;

/** Where an entry leads: an event's page, or the café room for a café session. */
export const entryLink = (e: CalendarEvent) =>
  e.cafeRoom ? webRoutes.cafeRoom(e.cafeRoom.slug) : webRoutes.event(e.id);

/** The tags a reader needs at a glance: kind, cancelled, online, places. */
export function EventTags({ event: e }: { event: CalendarEvent }) {
  const { t } = useTranslation();
  const left = e.capacity !== null ? Math.max(0, e.capacity - e.going) : null;
  return (
    <p className="tags">
      <Tag data-size="sm" data-color={e.kind === 'cafe' ? 'info' : 'neutral'}>
        {t(`calendar.kinds.${e.kind}`)}
      </Tag>
      {e.status === 'cancelled' ? (
        <Tag data-size="sm" data-color="danger">
          {t('calendar.cancelled')}
        </Tag>
      ) : null}
      {e.online ? <Tag data-size="sm">{t('calendar.online')}</Tag> : null}
      {e.audience !== 'everyone' ? <Tag data-size="sm">{t(`calendar.audience.${e.audience}`)}</Tag> : null}
      {e.registration === 'open' && e.status === 'scheduled' && left !== null ? (
        <Tag data-size="sm" data-color={left === 0 ? 'warning' : 'success'}>
          {left === 0 ? t('calendar.full') : t('calendar.placesLeft', { count: left })}
        </Tag>
      ) : null}
    </p>
  );
}

function monthStart(key: string | null): Date {
  const m = key && /^(\d{4})-(\d{2})$/.exec(key);
  const now = new Date();
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, 1) : new Date(now.getFullYear(), now.getMonth(), 1);
}
const monthKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

function ListView({ items }: { items: CalendarEvent[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <Paragraph>{t('calendar.none')}</Paragraph>;
  return (
    <ul className="card-list" data-testid="calendar-list">
      {items.map((e) => (
        <li key={e.id}>
          <Card data-color="neutral">
            <Heading level={2} data-size="xs">
              <Link to={entryLink(e)} className="ds-link">
                {e.title}
              </Link>
            </Heading>
            <Paragraph>
              {formatDateTime(e.startsAt, i18n.language)}–{formatTime(e.endsAt, i18n.language)}
              {e.location ? ` · ${e.location.name}` : ''}
            </Paragraph>
            <EventTags event={e} />
          </Card>
        </li>
      ))}
    </ul>
  );
}

function MonthView({ start, items }: { start: Date; items: CalendarEvent[] }) {
  const { i18n } = useTranslation();
  // Weeks from Monday: the grid starts on the Monday on or before the 1st.
  const first = new Date(start.getFullYear(), start.getMonth(), 1 - ((start.getDay() + 6) % 7));
  const shortDay = new Intl.DateTimeFormat(locale(i18n.language), { weekday: 'short' });
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    shortDay.format(new Date(first.getFullYear(), first.getMonth(), first.getDate() + i)),
  );
  const byDay = new Map<string, CalendarEvent[]>();
  for (const e of items) {
    const k = dayKey(new Date(e.startsAt));
    byDay.set(k, [...(byDay.get(k) ?? []), e]);
  }
  const weeks: Date[][] = [];
  for (let d = first; weeks.length < 6;) {
    const week: Date[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(d);
      d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
    }
    weeks.push(week);
    if (d.getMonth() !== start.getMonth() && d > start) break;
  }
  const dayName = new Intl.DateTimeFormat(locale(i18n.language), { weekday: 'long', day: 'numeric', month: 'long' });
  return (
    <table className="month-grid" data-testid="calendar-month">
      <caption className="visually-hidden">
        {new Intl.DateTimeFormat(locale(i18n.language), { month: 'long', year: 'numeric' }).format(start)}
      </caption>
      <thead>
        <tr>
          {weekdays.map((w) => (
            <th key={w} scope="col">
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={dayKey(week[0])}>
            {week.map((d) => {
              const entries = byDay.get(dayKey(d)) ?? [];
              const outside = d.getMonth() !== start.getMonth();
              return (
                <td key={dayKey(d)} className={outside ? 'outside' : undefined}>
                  <span className="day-number" aria-label={dayName.format(d)}>
                    {d.getDate()}
                  </span>
                  {entries.length > 0 ? (
                    <ul>
                      {entries.map((e) => (
                        <li key={e.id} className={e.status === 'cancelled' ? 'cancelled' : undefined}>
                          <Link to={entryLink(e)} className="ds-link">
                            {formatTime(e.startsAt, i18n.language)} {e.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { user, can } = useSession();
  const [params, setParams] = useSearchParams();
  const view = params.get('visning') === 'maned' ? 'month' : 'list';
  const kind = KINDS.find((k) => k === params.get('type')) ?? '';
  const start = monthStart(params.get('maned'));
  const [creating, setCreating] = useState(false);
  // The list from the start of today, so the address (and the fetch) stays the same while the page is open.
  const from = view === 'month' ? start : startOfToday();
  const to =
    view === 'month' ? new Date(start.getFullYear(), start.getMonth() + 1, 1) : new Date(from.getTime() + 183 * DAY);
  const path = `/api/events${query({ from: from.toISOString(), to: to.toISOString(), kind, limit: 200 })}`;
  const { data, error, loading, reload } = useApi<Page<CalendarEvent>>(path);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    setParams(next, { replace: true });
  };
  const shift = (months: number) =>
    set({ maned: monthKey(new Date(start.getFullYear(), start.getMonth() + months, 1)) });
  const monthName = new Intl.DateTimeFormat(locale(i18n.language), { month: 'long', year: 'numeric' }).format(start);

  return (
    <div className="calendar-page">
      <PageHeader title={t('calendar.title')} lead={t('calendar.lead')} />
      <div className="calendar-controls">
        <fieldset className="view-switch">
          <legend>{t('calendar.views.label')}</legend>
          <Button
            variant={view === 'list' ? 'primary' : 'secondary'}
            aria-pressed={view === 'list'}
            data-size="sm"
            onClick={() => set({ visning: null })}
          >
            {t('calendar.views.list')}
          </Button>
          <Button
            variant={view === 'month' ? 'primary' : 'secondary'}
            aria-pressed={view === 'month'}
            data-size="sm"
            onClick={() => set({ visning: 'maned' })}
          >
            {t('calendar.views.month')}
          </Button>
        </fieldset>
        <div className="ds-field-like">
          <label htmlFor="calendar-kind" className="ds-label">
            {t('calendar.kindFilter')}
          </label>
          <Select id="calendar-kind" value={kind} onChange={(e) => set({ type: e.target.value || null })}>
            <Select.Option value="">{t('calendar.allKinds')}</Select.Option>
            {KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`calendar.kinds.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </div>
      </div>
      {view === 'month' ? (
        <div className="month-nav">
          <Button variant="tertiary" data-size="sm" onClick={() => shift(-1)}>
            ‹ {t('calendar.previousMonth')}
          </Button>
          <Heading level={2} data-size="xs" aria-live="polite">
            {monthName}
          </Heading>
          <Button variant="tertiary" data-size="sm" onClick={() => shift(1)}>
            {t('calendar.nextMonth')} ›
          </Button>
        </div>
      ) : null}
      {loading ? <Loading /> : error ? <ErrorAlert error={error} retry={reload} /> : null}
      {data ? (
        view === 'month' ? (
          <MonthView start={start} items={data.items} />
        ) : (
          <ListView items={data.items} />
        )
      ) : null}
      {can('host') ? (
        <section className="section" aria-labelledby="new-event-h">
          <Heading level={2} id="new-event-h" data-size="sm">
            {t('calendar.form.newHeading')}
          </Heading>
          {creating ? (
            <EventForm onDone={() => (setCreating(false), reload())} onCancel={() => setCreating(false)} />
          ) : (
            <Button variant="secondary" onClick={() => setCreating(true)} data-testid="new-event">
              {t('calendar.form.newHeading')}
            </Button>
          )}
        </section>
      ) : null}
      <FeedPanel signedIn={user !== null} />
    </div>
  );
}

function startOfToday(): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}
