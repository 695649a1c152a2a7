import { Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CafeRoom, CafeSession } from '../../api/types';
import { DeleteConfirmButton } from '../../components/confirm-button';
import { ErrorAlert, StatusAlert } from '../../components/feedback';
import { formatDateTime, formatTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';

const pad = (n: number) => String(n).padStart(2, '0');

function nextHour(hoursAhead: number): Date {
  const d = new Date(Date.now() + hoursAhead * 3600_000);
  d.setMinutes(0, 0, 0);
  return d;
}

function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function useSpan() {
  const { t, i18n } = useTranslation();
  return (s: { startsAt: string; endsAt: string }) =>
    t('cafeHosting.span', { from: formatDateTime(s.startsAt, i18n.language), to: formatTime(s.endsAt, i18n.language) });
}

/** One planned session, with "cancel" behind a question; the open one has no cancel (it is closed instead). */
function SessionItem({ session, onCancel }: { session: CafeSession; onCancel(): Promise<unknown> }) {
  const { t } = useTranslation();
  const span = useSpan()(session);
  const [asking, setAsking] = useState(false);
  // As of when the list was shown: the list is read again after every change.
  const [shownAt] = useState(() => Date.now());
  const open = Date.parse(session.startsAt) <= shownAt;
  return (
    <li data-testid="planned-session">
      <span>{span}</span>{' '}
      {open ? (
        <Tag data-size="sm" data-color="success">
          {t('cafeHosting.openNowTag')}
        </Tag>
      ) : asking ? (
        <div className="inline-form">
          <Paragraph>{t('cafeHosting.cancelConfirm', { time: span })}</Paragraph>
          <div className="button-row">
            <DeleteConfirmButton onClick={() => void onCancel()}>{t('cafeHosting.cancel')}</DeleteConfirmButton>
            <Button variant="secondary" data-size="sm" onClick={() => setAsking(false)}>
              {t('cafeHosting.keep')}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          variant="tertiary"
          data-size="sm"
          onClick={() => setAsking(true)}
          aria-label={t('cafeHosting.cancelSession', { time: span })}
        >
          {t('cafeHosting.cancel')}
        </Button>
      )}
    </li>
  );
}

/**
 * What a host (and up) does with a room: open it now or close it, plan opening hours, see the
 * planned ones and cancel one. Every change is confirmed on screen and announced.
 */
export function RoomControls({
  room,
  onChanged,
  headingLevel = 2,
}: {
  room: CafeRoom;
  onChanged(): void;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const span = useSpan();
  const sessions = useApi<CafeSession[]>(`/api/cafe/rooms/${room.slug}/sessions`);
  const [startsAt, setStartsAt] = useState(() => toLocalInput(nextHour(1)));
  const [endsAt, setEndsAt] = useState(() => toLocalInput(nextHour(3)));
  const [timeError, setTimeError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const call = useSubmit(async (change: () => Promise<string>) => {
    setDone(null);
    const message = await change();
    setDone(message);
    sessions.reload();
    onChanged();
  });
  const base = `/api/cafe/rooms/${room.slug}`;
  const openNow = () =>
    call.run(async () => {
      const opened = await api.post<CafeRoom>(`${base}/open`, {});
      return t('cafeHosting.opened', { time: formatDateTime(opened.closesAt, i18n.language) });
    });
  const closeNow = () =>
    call.run(async () => {
      await api.post(`${base}/close`);
      return t('cafeHosting.closed');
    });
  const plan = () =>
    call.run(async () => {
      const created = await api.post<CafeSession>(`${base}/sessions`, {
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
      });
      return t('cafeHosting.planned', { time: span(created) });
    });
  const cancel = (s: CafeSession) =>
    call.run(async () => {
      await api.delete(`${base}/sessions/${s.id}`);
      return t('cafeHosting.cancelled', { time: span(s) });
    });

  return (
    <section aria-labelledby={`hosting-${room.slug}`} className="panel room-controls" data-testid="room-controls">
      <Heading level={headingLevel} id={`hosting-${room.slug}`} data-size="xs">
        {t('cafeHosting.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('cafeHosting.lead')}</Paragraph>
      <div className="button-row">
        {room.isOpen ? (
          <Button variant="secondary" data-size="sm" onClick={() => void closeNow()} disabled={call.busy}>
            {t('cafeHosting.closeNow')} <span className="ds-sr-only">{room.name}</span>
          </Button>
        ) : (
          <Button variant="secondary" data-size="sm" onClick={() => void openNow()} disabled={call.busy}>
            {t('cafeHosting.openNow')} <span className="ds-sr-only">{room.name}</span>
          </Button>
        )}
      </div>
      {done ? <StatusAlert message={done} /> : null}
      {call.failure ? <ErrorAlert error={call.failure} /> : null}
      <form
        className="schedule-form"
        noValidate
        aria-label={t('cafeHosting.plan')}
        onSubmit={(e) => {
          e.preventDefault();
          const s = new Date(startsAt);
          const en = new Date(endsAt);
          if (Number.isNaN(s.getTime()) || Number.isNaN(en.getTime()) || en <= s) {
            setTimeError(t('cafeHosting.timeError'));
            return;
          }
          setTimeError(undefined);
          void plan();
        }}
      >
        <Textfield
          id={`starts-${room.slug}`}
          type="datetime-local"
          label={t('cafeHosting.startsAt')}
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
        />
        <Textfield
          id={`ends-${room.slug}`}
          type="datetime-local"
          label={t('cafeHosting.endsAt')}
          value={endsAt}
          onChange={(e) => setEndsAt(e.target.value)}
          error={timeError}
        />
        <Button type="submit" variant="secondary" data-size="sm" disabled={call.busy}>
          {t('cafeHosting.add')}
        </Button>
      </form>
      <Heading level={(headingLevel + 1) as 3 | 4 | 5} data-size="2xs">
        {t('cafeHosting.sessions')}
      </Heading>
      {sessions.error ? <ErrorAlert error={sessions.error} retry={sessions.reload} announce={false} /> : null}
      {sessions.data && sessions.data.length === 0 ? (
        <Paragraph data-size="sm">{t('cafeHosting.none')}</Paragraph>
      ) : null}
      {sessions.data && sessions.data.length > 0 ? (
        <ul className="planned-sessions" data-testid="planned-sessions">
          {sessions.data.map((s) => (
            <SessionItem key={s.id} session={s} onCancel={() => cancel(s)} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
