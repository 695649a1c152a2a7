import { Alert, Button, Card, Heading, Paragraph, Radio, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, ApiError } from '../api/client';
import type { AppNotification, MyPost, PanelApplication as Application } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ErrorAlert, Loading, StatusAlert } from '../components/feedback';
import { RequireRole } from '../components/guards';
import { LoadMoreButton, usePaged } from '../components/load-more';
import { PageHeader } from '../components/page-header';
import { isStatus } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { setLocalBreak, breakUntil } from '../lib/pause';
import { useApi } from '../lib/use-api';
import { useSession } from '../session';
import { RejectionReason, StatusTag } from '../components/post-status';

function MyPosts() {
  const { t, i18n } = useTranslation();
  const paged = usePaged<MyPost>('/api/me/posts', 10);
  if (paged.loading) return <Loading />;
  if (paged.error && paged.items.length === 0)
    return <ErrorAlert error={paged.error} retry={paged.reload} announce={false} />;
  if (paged.items.length === 0) return <Paragraph>{t('profile.noPosts')}</Paragraph>;
  return (
    <>
      <ul className="my-posts" data-testid="my-posts">
        {paged.items.map((p) => (
          <li key={p.id} className="my-post">
            <div className="tags">
              <Link to={`/trad/${p.threadId}#post-${p.id}`} className="ds-link">
                {p.threadTitle}
              </Link>
              <StatusTag status={p.status} />
            </div>
            <div className="meta">
              <span>{formatDateTime(p.createdAt, i18n.language)}</span>
              {p.anonymous && p.author.kind === 'anonymous' ? (
                <span className="only-you">{t('profile.anonymousOnlyYou', { alias: p.author.alias })}</span>
              ) : null}
            </div>
            {p.status === 'rejected' && p.rejectionReason ? <RejectionReason reason={p.rejectionReason} /> : null}
            <div className="post-body excerpt" dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />
          </li>
        ))}
      </ul>
      {paged.hasMore ? <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} /> : null}
    </>
  );
}

function Notifications() {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const paged = usePaged<AppNotification>('/api/me/notifications');
  const [failure, setFailure] = useState<unknown>();
  if (paged.loading) return <Loading />;
  // A server without notifications (404) simply has none for you.
  if (paged.error && paged.items.length === 0 && !isStatus(paged.error, 404))
    return <ErrorAlert error={paged.error} retry={paged.reload} announce={false} />;
  if (paged.items.length === 0) return <Paragraph>{t('notifications.none')}</Paragraph>;
  const unread = paged.items.filter((n) => !n.readAt);
  return (
    <>
      <ul className="notifications">
        {paged.items.map((n) => (
          <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
            {!n.readAt ? <span className="ds-sr-only">{t('notifications.unreadMarker')} </span> : null}
            {n.link && n.link.startsWith('/') ? (
              <Link to={n.link} className="ds-link">
                {n.text}
              </Link>
            ) : (
              <span>{n.text}</span>
            )}
            <span className="muted"> · {formatDateTime(n.createdAt, i18n.language)}</span>
          </li>
        ))}
      </ul>
      {unread.length > 0 ? (
        <Button
          variant="secondary"
          data-size="sm"
          className="mt-2"
          onClick={async () => {
            setFailure(undefined);
            try {
              await api.post('/api/me/notifications/read', { ids: unread.map((n) => n.id) });
              const now = new Date().toISOString();
              paged.setItems((items) => items.map((n) => (n.readAt ? n : { ...n, readAt: now })));
              window.dispatchEvent(new Event('erf:notifications-read'));
              say(t('notifications.markedRead'));
            } catch (err) {
              setFailure(err);
            }
          }}
        >
          {t('notifications.markRead')}
        </Button>
      ) : null}
      {paged.hasMore ? <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} /> : null}
      {failure ? <ErrorAlert error={failure} /> : null}
    </>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string }>({});
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    setFailure(undefined);
    const errs: typeof errors = {};
    if (!current) errs.current = t('profile.errors.currentPassword');
    if (next.length < 10) errs.next = t('register.errors.password');
    setErrors(errs);
    if (errs.current) return currentRef.current?.focus();
    if (errs.next) return nextRef.current?.focus();
    setBusy(true);
    try {
      await api.post('/api/me/password', { currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent('');
      setNext('');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_credentials') {
        setErrors({ current: t('profile.errors.wrongPassword') });
        currentRef.current?.focus();
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <Textfield
        label={t('profile.currentPassword')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={errors.current}
        ref={currentRef as React.Ref<HTMLInputElement>}
      />
      <Textfield
        label={t('profile.newPassword')}
        description={t('register.passwordHelp')}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={errors.next}
        ref={nextRef as React.Ref<HTMLInputElement>}
      />
      {failure ? <ErrorAlert error={failure} /> : null}
      {done ? <StatusAlert message={t('profile.passwordChanged')} /> : null}
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('profile.changePassword')}
        </Button>
      </div>
    </form>
  );
}

function PanelApplication() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const mine = useApi<Application[]>(user?.role === 'member' ? '/api/panel/applications/mine' : null);
  const [motivation, setMotivation] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  if (user && user.role !== 'member') return <Paragraph>{t('panel.alreadyMember')}</Paragraph>;
  if (mine.loading) return <Loading />;
  const latest = mine.data?.[0];
  if (latest?.status === 'pending') {
    return (
      <Alert data-color="info" className="block" data-testid="application-pending">
        <Paragraph>{t('panel.pending', { date: formatDateTime(latest.createdAt, i18n.language) })}</Paragraph>
      </Alert>
    );
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    if (motivation.trim().length < 10) {
      setError(t('panel.errors.motivation'));
      ref.current?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const created = await api.post<Application>('/api/panel/applications', { motivation: motivation.trim() });
      mine.setData((list) => [created, ...(list ?? [])]);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) mine.reload();
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      {latest?.status === 'rejected' ? (
        <Alert data-color="warning" className="block" data-testid="application-rejected">
          <Paragraph>
            {latest.decisionReason ? t('panel.rejectedReason', { reason: latest.decisionReason }) : t('panel.rejected')}
          </Paragraph>
          <Paragraph className="mt-2">{t('panel.applyAgain')}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <Paragraph>{t('panel.intro')}</Paragraph>
        <Textfield
          multiline
          rows={4}
          label={t('panel.motivation')}
          description={t('panel.motivationHelp')}
          value={motivation}
          onChange={(e) => setMotivation(e.target.value)}
          error={error}
          ref={ref as React.Ref<HTMLTextAreaElement>}
          maxLength={2000}
        />
        {failure ? <ErrorAlert error={failure} /> : null}
        <div>
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('panel.apply')}
          </Button>
        </div>
      </form>
    </>
  );
}

const PAUSE_OPTIONS = [
  { key: 'day', hours: 24 },
  { key: 'threeDays', hours: 72 },
  { key: 'week', hours: 24 * 7 },
  { key: 'month', hours: 24 * 30 },
] as const;

function TakeBreak() {
  const { t, i18n } = useTranslation();
  const { user, refresh } = useSession();
  const navigate = useNavigate();
  const say = useAnnounce();
  const [choice, setChoice] = useState<string>('day');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  const running = breakUntil(user);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!user) return;
    const option = PAUSE_OPTIONS.find((o) => o.key === choice) ?? PAUSE_OPTIONS[0];
    const until = new Date(Date.now() + option.hours * 3600_000).toISOString();
    setBusy(true);
    setFailure(undefined);
    try {
      await api.post('/api/me/break', { until });
    } catch (err) {
      // Until the server supports breaks, keep it on this device.
      if (!(err instanceof ApiError && err.status === 404)) {
        setFailure(err);
        setBusy(false);
        return;
      }
    }
    setLocalBreak(user.id, until);
    await refresh();
    setBusy(false);
    say(t('pause.started', { until: formatDateTime(until, i18n.language) }));
    navigate('/');
  }
  if (running)
    return (
      <Paragraph>{t('pause.activeHeading', { until: formatDateTime(running.toISOString(), i18n.language) })}</Paragraph>
    );
  return (
    <form onSubmit={submit} className="form">
      <Paragraph>{t('pause.intro')}</Paragraph>
      <Fieldset>
        <Fieldset.Legend>{t('pause.legend')}</Fieldset.Legend>
        {PAUSE_OPTIONS.map((o) => (
          <Radio
            key={o.key}
            name="pause"
            value={o.key}
            label={t(`pause.options.${o.key}`)}
            checked={choice === o.key}
            onChange={() => setChoice(o.key)}
          />
        ))}
      </Fieldset>
      {failure ? <ErrorAlert error={failure} /> : null}
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('pause.start')}
        </Button>
      </div>
    </form>
  );
}

function YourData() {
  const { t } = useTranslation();
  const { setUser } = useSession();
  const navigate = useNavigate();
  const say = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [exportMissing, setExportMissing] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  async function exportData() {
    setFailure(undefined);
    try {
      const data = await api.get<unknown>('/api/me/export');
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'erfaringsforum-mine-data.json';
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
      say(t('profile.exported'));
    } catch (err) {
      // A server without the export (404) is told plainly, with what to do instead.
      if (isStatus(err, 404)) setExportMissing(true);
      else setFailure(err);
    }
  }

  async function deleteAccount(e: FormEvent) {
    e.preventDefault();
    if (!password) {
      setError(t('profile.errors.currentPassword'));
      ref.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await api.delete('/api/me', { password });
      setUser(null);
      say(t('profile.deleted'));
      navigate('/');
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'invalid_credentials' || err.status === 400)) {
        setError(t('profile.errors.wrongPassword'));
        ref.current?.focus();
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Paragraph>{t('profile.exportIntro')}</Paragraph>
      <Button variant="secondary" className="mt-2" onClick={() => void exportData()}>
        {t('profile.export')}
      </Button>
      {exportMissing ? <StatusAlert color="info" message={t('profile.exportUnavailable')} /> : null}
      <Heading level={3} data-size="xs" className="mt-6">
        {t('profile.deleteHeading')}
      </Heading>
      <Paragraph>{t('profile.deleteIntro')}</Paragraph>
      {confirming ? (
        <form onSubmit={deleteAccount} noValidate className="inline-form">
          <Textfield
            label={t('profile.deleteConfirmPassword')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error}
            ref={ref as React.Ref<HTMLInputElement>}
          />
          <div className="button-row">
            <Button type="submit" data-color="danger" disabled={busy}>
              {t('profile.deleteConfirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" data-color="danger" className="mt-2" onClick={() => setConfirming(true)}>
          {t('profile.delete')}
        </Button>
      )}
      {failure ? <ErrorAlert error={failure} /> : null}
    </>
  );
}

function ProfileContent() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [location.hash]);
  if (!user) return null;
  const sections = [
    { id: 'konto', title: t('profile.account') },
    { id: 'innlegg', title: t('profile.posts') },
    { id: 'varsler', title: t('profile.notifications') },
    { id: 'panel', title: t('profile.panel') },
    { id: 'pause', title: t('profile.pause') },
    { id: 'data', title: t('profile.data') },
  ];
  return (
    <>
      <PageHeader title={t('profile.title')} lead={t('profile.lead', { name: user.displayName || user.username })} />
      <nav aria-label={t('profile.sections')} className="toc">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="ds-link">
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section id="konto" aria-labelledby="konto-h" className="section panel">
        <Heading level={2} id="konto-h" data-size="sm">
          {t('profile.account')}
        </Heading>
        <Card data-color="neutral" className="account-card">
          <dl className="facts">
            <dt>{t('profile.username')}</dt>
            <dd>{user.username}</dd>
            <dt>{t('profile.displayName')}</dt>
            <dd>{user.displayName}</dd>
            <dt>{t('profile.role')}</dt>
            <dd>{t(`roles.${user.role}`)}</dd>
          </dl>
        </Card>
        <Heading level={3} data-size="xs" className="mt-4">
          {t('profile.changePassword')}
        </Heading>
        <ChangePassword />
      </section>
      <section id="innlegg" aria-labelledby="innlegg-h" className="section panel">
        <Heading level={2} id="innlegg-h" data-size="sm">
          {t('profile.posts')}
        </Heading>
        <MyPosts />
      </section>
      <section id="varsler" aria-labelledby="varsler-h" className="section panel">
        <Heading level={2} id="varsler-h" data-size="sm">
          {t('profile.notifications')}
        </Heading>
        <Notifications />
      </section>
      <section id="panel" aria-labelledby="panel-h" className="section panel">
        <Heading level={2} id="panel-h" data-size="sm">
          {t('profile.panel')}
        </Heading>
        <PanelApplication />
      </section>
      <section id="pause" aria-labelledby="pause-h" className="section panel">
        <Heading level={2} id="pause-h" data-size="sm">
          {t('profile.pause')}
        </Heading>
        <TakeBreak />
      </section>
      <section id="data" aria-labelledby="data-h" className="section panel">
        <Heading level={2} id="data-h" data-size="sm">
          {t('profile.data')}
        </Heading>
        <YourData />
      </section>
      <Alert data-color="info" className="block mt-6">
        <Paragraph>
          {t('profile.privacyNote')}{' '}
          <Link to="/personvern" className="ds-link">
            {t('footer.privacy')}
          </Link>
        </Paragraph>
      </Alert>
    </>
  );
}

export default function ProfilePage() {
  const { t } = useTranslation();
  return (
    <RequireRole title={t('profile.title')}>
      <ProfileContent />
    </RequireRole>
  );
}
