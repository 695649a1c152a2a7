import { Alert, Button, Heading, Paragraph, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { webRoutes } from '#libs/contracts';
import { api } from '../../api/client';
import type { CalendarEvent, EventRegistration, EventRegistrationEntry } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { isStatus } from '../../lib/errors';
import { formatDateTime, formatTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { useSession } from '../../session';
import { EventTags } from './calendar-page';
import { EventForm } from './event-form';

function SignUp({ event: e, onChange }: { event: CalendarEvent; onChange(): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const { user } = useSession();
  const send = useSubmit(async (status: 'going' | 'not_going') => {
    const r = await api.put<EventRegistration>(`/api/events/${e.id}/registration`, { status });
    say(
      r.status === 'waitlisted'
        ? t('calendar.signUp.youAreWaitlisted', { position: r.position })
        : t(r.status === 'going' ? 'calendar.signUp.youAreGoing' : 'calendar.signUp.youAreNotGoing'),
    );
    onChange();
  });
  if (e.registration === 'none') return <Paragraph>{t('calendar.signUp.none')}</Paragraph>;
  const status =
    e.myStatus === 'going'
      ? t('calendar.signUp.youAreGoing')
      : e.myStatus === 'waitlisted'
        ? t('calendar.signUp.youAreWaitlisted', { position: e.myPosition })
        : e.myStatus === 'not_going'
          ? t('calendar.signUp.youAreNotGoing')
          : null;
  return (
    <section className="section" aria-labelledby="signup-h">
      <Heading level={2} id="signup-h" data-size="sm">
        {t('calendar.signUp.heading')}
      </Heading>
      <Paragraph>
        {t('calendar.going', { count: e.going })}
        {e.capacity !== null ? ` / ${e.capacity}` : ''}
      </Paragraph>
      {status ? (
        <Alert data-color={e.myStatus === 'going' ? 'success' : 'info'} data-testid="my-status">
          <Paragraph>{status}</Paragraph>
        </Alert>
      ) : null}
      {!user ? (
        <Paragraph>
          <Link to="/logg-inn" className="ds-link">
            {t('calendar.signUp.logIn')}
          </Link>
        </Paragraph>
      ) : e.canRegister ? (
        <div className="actions">
          {e.myStatus !== 'going' && e.myStatus !== 'waitlisted' ? (
            <Button disabled={send.busy} onClick={() => void send.run('going')} data-testid="sign-up">
              {t('calendar.signUp.going')}
            </Button>
          ) : null}
          {e.myStatus !== 'not_going' ? (
            <Button variant="secondary" disabled={send.busy} onClick={() => void send.run('not_going')}>
              {t('calendar.signUp.notGoing')}
            </Button>
          ) : null}
        </div>
      ) : e.status === 'scheduled' ? (
        <Paragraph>{t('calendar.signUp.closed')}</Paragraph>
      ) : null}
      {send.failure ? <ErrorAlert error={send.failure} /> : null}
    </section>
  );
}

function Organiser({ event: e, onChange }: { event: CalendarEvent; onChange(): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const list = useApi<EventRegistrationEntry[]>(`/api/events/${e.id}/registrations`);
  const cancel = useSubmit(async () => {
    await api.post(`/api/events/${e.id}/cancel`, { reason });
    onChange();
  });
  const saveSummary = useSubmit(async () => {
    await api.patch(`/api/events/${e.id}`, { summary });
    setSummary('');
    onChange();
  });
  const [now] = useState(() => Date.now());
  const over = new Date(e.endsAt).getTime() <= now;
  return (
    <section className="section" aria-labelledby="organiser-h">
      <Heading level={2} id="organiser-h" data-size="sm">
        {t('calendar.manage.heading')}
      </Heading>
      <Heading level={3} data-size="xs">
        {t('calendar.manage.registrations')}
      </Heading>
      {list.data?.length === 0 ? <Paragraph>{t('calendar.manage.noRegistrations')}</Paragraph> : null}
      {list.error ? <ErrorAlert error={list.error} retry={list.reload} /> : null}
      <ul className="plain-list" data-testid="registrations">
        {list.data?.map((r) => (
          <li key={r.user.username}>
            {r.user.displayName} – {t(`calendar.manage.status.${r.status}`, { position: r.position })}
          </li>
        ))}
      </ul>
      {e.status === 'scheduled' ? (
        editing ? (
          <EventForm event={e} onDone={() => (setEditing(false), onChange())} onCancel={() => setEditing(false)} />
        ) : (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('calendar.manage.edit')}
          </Button>
        )
      ) : null}
      {over && e.status === 'scheduled' ? (
        <form
          className="form"
          onSubmit={(ev) => {
            ev.preventDefault();
            void saveSummary.run();
          }}
        >
          <div className="ds-field-like">
            <label htmlFor="event-summary" className="ds-label">
              {t('calendar.manage.summaryLabel')}
            </label>
            <Textarea id="event-summary" rows={3} value={summary} onChange={(x) => setSummary(x.target.value)} />
          </div>
          {saveSummary.failure ? <ErrorAlert error={saveSummary.failure} /> : null}
          <Button type="submit" disabled={saveSummary.busy || !summary.trim()}>
            {t('calendar.manage.saveSummary')}
          </Button>
        </form>
      ) : null}
      {!over && e.status === 'scheduled' ? (
        <form
          className="form"
          onSubmit={(ev) => {
            ev.preventDefault();
            void cancel.run();
          }}
        >
          <Textfield
            id="cancel-reason"
            label={t('calendar.manage.cancelReason')}
            value={reason}
            onChange={(x) => setReason(x.target.value)}
          />
          {cancel.failure ? <ErrorAlert error={cancel.failure} /> : null}
          <Button
            type="submit"
            variant="secondary"
            data-color="danger"
            disabled={cancel.busy || reason.trim().length < 3}
          >
            {t('calendar.manage.cancelConfirm')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

export default function EventPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data: e, error, loading, reload } = useApi<CalendarEvent>(`/api/events/${encodeURIComponent(id)}`);
  if (loading) return <Loading />;
  if (error)
    return isStatus(error, 400, 404) ? (
      <Alert data-color="info">
        <Paragraph>{t('calendar.notFound')}</Paragraph>
      </Alert>
    ) : (
      <ErrorAlert error={error} retry={reload} />
    );
  if (!e) return null;
  return (
    <div className="narrow">
      <PageHeader title={e.title} />
      <EventTags event={e} />
      {e.status === 'cancelled' ? (
        <Alert data-color="danger" className="block">
          <Paragraph>{t('calendar.cancelReason', { reason: e.cancelReason ?? '' })}</Paragraph>
        </Alert>
      ) : null}
      <dl className="facts">
        <dt>{t('calendar.when')}</dt>
        <dd>
          {formatDateTime(e.startsAt, i18n.language)}–{formatTime(e.endsAt, i18n.language)}
        </dd>
        {e.location ? (
          <>
            <dt>{t('calendar.where')}</dt>
            <dd>{[e.location.name, e.location.address].filter(Boolean).join(', ')}</dd>
          </>
        ) : null}
        {e.organiser.kind === 'user' ? (
          <>
            <dt>{t('calendar.organiser')}</dt>
            <dd>{e.organiser.displayName}</dd>
          </>
        ) : null}
      </dl>
      <div className="post-body" dangerouslySetInnerHTML={{ __html: e.descriptionHtml }} />
      {e.online ? (
        e.onlineUrl ? (
          <Paragraph>
            <a href={e.onlineUrl} className="ds-link" rel="noopener noreferrer" data-testid="online-link">
              {t('calendar.onlineLink')}
            </a>
          </Paragraph>
        ) : (
          <Paragraph className="muted">{t('calendar.onlineHidden')}</Paragraph>
        )
      ) : null}
      {e.cafeRoom ? (
        <>
          <Paragraph>{t('calendar.cafeNote')}</Paragraph>
          <Paragraph>
            <Link to={webRoutes.cafeRoom(e.cafeRoom.slug)} className="ds-link">
              {t('calendar.cafeRoom')}
            </Link>
          </Paragraph>
        </>
      ) : (
        <SignUp event={e} onChange={reload} />
      )}
      <Paragraph>
        <a href={`/api/events/${e.id}.ics`} className="ds-link" download>
          {t('calendar.addToCalendar')}
        </a>
      </Paragraph>
      {e.summaryHtml ? (
        <section className="section" aria-labelledby="summary-h">
          <Heading level={2} id="summary-h" data-size="sm">
            {t('calendar.summary')}
          </Heading>
          <div className="post-body" dangerouslySetInnerHTML={{ __html: e.summaryHtml }} />
        </section>
      ) : null}
      {e.achievements ? (
        <section className="section" aria-labelledby="achievements-h" data-testid="achievements">
          <Heading level={2} id="achievements-h" data-size="sm">
            {t('calendar.achievements.heading')}
          </Heading>
          {e.achievements.length === 0 ? (
            <Paragraph>{t('calendar.achievements.none')}</Paragraph>
          ) : (
            <>
              <Paragraph>{t('calendar.achievements.lead')}</Paragraph>
              <ul>
                {e.achievements.map((a) => (
                  <li key={a.consultationId}>
                    <Link to={webRoutes.consultation(a.consultationId)} className="ds-link">
                      {a.title}
                    </Link>{' '}
                    (
                    {t('calendar.achievements.published', { when: formatDateTime(a.reportPublishedAt, i18n.language) })}
                    )
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
      {e.canManage ? <Organiser event={e} onChange={reload} /> : null}
    </div>
  );
}
