import {
  Alert,
  Button,
  Card,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Select,
  Switch,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { AuditEntry, ModStats, Page, QueueItem } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { AuthorName } from '../components/author';
import { ErrorAlert, Loading } from '../components/feedback';
import { RequireRole } from '../components/guards';
import { LoadMoreButton, usePaged } from '../components/load-more';
import { ReasonForm, SanctionForm } from '../components/mod-forms';
import { PageHeader } from '../components/page-header';
import { formatDateTime, formatDuration } from '../lib/format';
import { connect, type Socket } from '../lib/socket';
import { useApi, type ApiState } from '../lib/use-api';

const CANNED = ['personal', 'respect', 'advice', 'spam', 'offTopic'] as const;
// As the server names them (apps/api/src/audit/audit.service.ts).
const AUDIT_ACTIONS = [
  'approve',
  'reject',
  'undo',
  'hide',
  'restore',
  'lock',
  'unlock',
  'pin',
  'unpin',
  'move',
  'sanction',
  'reveal',
  'role',
  'settings',
  'watched_word',
  'category',
  'cafe_moderate',
  'cafe_room',
  'password_reset',
  'panel_application',
  'edit',
  'delete',
  'claim',
] as const;

/** What an audit entry is about, in words; a thread is a link. */
function AuditTarget({ target }: { target: AuditEntry['target'] }) {
  const { t } = useTranslation();
  if (!target) return null;
  const label = t(`mod.audit.targets.${target.type}`, { defaultValue: target.type });
  if (target.type === 'thread' && target.id) {
    return (
      <Link to={`/trad/${target.id}`} className="ds-link">
        {label}
      </Link>
    );
  }
  return (
    <>
      {label}
      {target.id ? <span className="muted audit-id"> {target.id.slice(0, 8)}</span> : null}
    </>
  );
}
const SENSITIVE_FLAGS = new Set(['crisis', 'harassment']);

function nameOf(value: unknown): string {
  if (!value) return '';
  if (typeof value === 'string') return value;
  const v = value as { displayName?: string; username?: string };
  return v.displayName ?? v.username ?? '';
}

function onDutyText(onDuty: ModStats['onDuty'], t: TFunction): string {
  if (typeof onDuty === 'boolean') return onDuty ? t('mod.someoneOnDuty') : t('mod.nobodyOnDuty');
  if (typeof onDuty === 'number') return onDuty > 0 ? t('mod.onDutyCount', { count: onDuty }) : t('mod.nobodyOnDuty');
  if (Array.isArray(onDuty)) return onDuty.length ? onDuty.map(nameOf).join(', ') : t('mod.nobodyOnDuty');
  return '–';
}

function Stats({ stats, onDutyChange }: { stats: ModStats | undefined; onDutyChange(): void }) {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const [onDuty, setOnDuty] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  return (
    <section aria-labelledby="duty-h" className="section">
      <Heading level={2} id="duty-h" data-size="sm">
        {t('mod.dutyHeading')}
      </Heading>
      <Switch
        label={t('mod.onDutySwitch')}
        description={t('mod.onDutyHelp')}
        checked={onDuty}
        onChange={async (e) => {
          const value = e.target.checked;
          setFailure(undefined);
          try {
            await api.post('/api/mod/duty', { onDuty: value });
            setOnDuty(value);
            say(value ? t('mod.nowOnDuty') : t('mod.nowOffDuty'));
            onDutyChange();
          } catch (err) {
            setFailure(err);
          }
        }}
      />
      {failure ? <ErrorAlert error={failure} /> : null}
      {stats ? (
        <dl className="stats" data-testid="mod-stats">
          <div className={stats.crisisPending > 0 ? 'stat stat-crisis' : 'stat'}>
            <dt>{t('mod.stats.crisisPending')}</dt>
            <dd>{stats.crisisPending}</dd>
          </div>
          <div className="stat">
            <dt>{t('mod.stats.pending')}</dt>
            <dd>{stats.pending}</dd>
          </div>
          <div className="stat">
            <dt>{t('mod.stats.flagsOpen')}</dt>
            <dd>{stats.flagsOpen}</dd>
          </div>
          <div className="stat">
            <dt>{t('mod.stats.oldest')}</dt>
            <dd>{formatDuration(stats.oldestWaitingSeconds, i18n.language)}</dd>
          </div>
          <div className="stat">
            <dt>{t('mod.stats.median')}</dt>
            <dd>{formatDuration(stats.medianWaitSeconds, i18n.language)}</dd>
          </div>
          <div className="stat">
            <dt>{t('mod.stats.onDuty')}</dt>
            <dd>{onDutyText(stats.onDuty, t)}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}

function QueueCard({ item, onHandled }: { item: QueueItem; onHandled(id: string, rejected?: boolean): void }) {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const sensitive =
    item.priority === 'crisis' ||
    item.flags.some((f) => SENSITIVE_FLAGS.has(f.reason)) ||
    item.reasons.some((r) => SENSITIVE_FLAGS.has(r));
  const [revealed, setRevealed] = useState(!sensitive);
  const [mode, setMode] = useState<null | 'edit' | 'reject' | 'hide' | 'sanction'>(null);
  const [failure, setFailure] = useState<unknown>();
  const [claimed, setClaimed] = useState(false);
  const [draft, setDraft] = useState('');
  const [canned, setCanned] = useState<string>('');
  const [free, setFree] = useState('');
  const [rejectError, setRejectError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const headingId = `qi-${item.id}`;

  async function act(path: string, body: unknown, message: string, rejected = false) {
    setBusy(true);
    setFailure(undefined);
    try {
      await api.post(`/api/mod/queue/${item.id}/${path}`, body);
      say(message);
      onHandled(item.id, rejected);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  function submitReject(e: FormEvent) {
    e.preventDefault();
    const reason = canned === 'free' || !canned ? free.trim() : t(`mod.canned.${canned}`);
    if (!reason) {
      setRejectError(t('common.reasonRequired'));
      return;
    }
    void act('reject', { reason }, t('mod.rejected'), true);
  }

  const c = item.content;
  return (
    <Card
      data-color={item.priority === 'crisis' ? 'danger' : 'neutral'}
      className={`queue-item${item.priority === 'crisis' ? ' crisis' : ''}`}
      data-testid="queue-item"
      aria-labelledby={headingId}
    >
      <div className="tags">
        {item.priority === 'crisis' ? (
          <Tag data-color="danger" data-size="sm">
            {t('mod.crisis')}
          </Tag>
        ) : null}
        <Tag data-color="neutral" data-size="sm">
          {t(`mod.types.${item.type}`)}
        </Tag>
        <span className="muted">{t('mod.waitingSince', { time: formatDateTime(item.createdAt, i18n.language) })}</span>
        {item.claimedBy || claimed ? (
          <span className="muted">{t('mod.claimedBy', { name: nameOf(item.claimedBy) || t('mod.you') })}</span>
        ) : null}
      </div>
      <Heading level={3} data-size="xs" id={headingId} className="mt-2">
        {c.title ? c.title : t(`mod.types.${item.type}`)}
      </Heading>
      <div className="meta">
        <AuthorName author={c.author} />
        {c.threadId ? (
          <Link to={`/trad/${c.threadId}`} className="ds-link">
            {t('mod.openThread')}
          </Link>
        ) : null}
      </div>
      {item.reasons.length ? (
        <Paragraph data-size="sm">
          {t('mod.reasons', {
            reasons: item.reasons.map((r) => t(`mod.reasonNames.${r}`, { defaultValue: r })).join(', '),
          })}
        </Paragraph>
      ) : null}
      {item.flags.length ? (
        <ul className="flags">
          {item.flags.map((f, i) => (
            <li key={i}>
              {t(`flag.reasons.${f.reason}`, { defaultValue: f.reason })}
              {f.note ? `: ${f.note}` : ''}{' '}
              <span className="muted">({formatDateTime(f.createdAt, i18n.language)})</span>
            </li>
          ))}
        </ul>
      ) : null}
      {revealed ? (
        mode === 'edit' ? null : (
          <div className="post-body queue-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        )
      ) : (
        <div className="content-shield">
          <Paragraph data-size="sm">{t('mod.hiddenContent')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => setRevealed(true)}>
            {t('mod.showContent')}
          </Button>
        </div>
      )}
      {mode === null ? (
        <div className="button-row mt-2">
          {!claimed && !item.claimedBy ? (
            <Button
              variant="tertiary"
              data-size="sm"
              disabled={busy}
              onClick={async () => {
                setFailure(undefined);
                try {
                  await api.post(`/api/mod/queue/${item.id}/claim`);
                  setClaimed(true);
                  say(t('mod.claimed'));
                } catch (err) {
                  setFailure(err);
                }
              }}
            >
              {t('mod.claim')}
            </Button>
          ) : null}
          <Button
            data-size="sm"
            disabled={busy}
            onClick={() => void act('approve', {}, item.type === 'flag' ? t('mod.flagsDismissed') : t('mod.approved'))}
            data-testid="approve"
          >
            {item.type === 'flag' ? t('mod.dismissFlags') : t('mod.approve')}
          </Button>
          {item.type !== 'flag' && item.type !== 'cafe_message' ? (
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => {
                setDraft(new DOMParser().parseFromString(c.bodyHtml, 'text/html').body.textContent ?? '');
                setRevealed(true);
                setMode('edit');
              }}
            >
              {t('mod.editApprove')}
            </Button>
          ) : null}
          <Button variant="secondary" data-size="sm" onClick={() => setMode('reject')}>
            {item.type === 'flag' ? t('mod.removeContent') : t('mod.reject')}
          </Button>
          {item.type === 'flag' && c.postId ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('hide')}>
              {t('post.hide')}
            </Button>
          ) : null}
          {c.postId || c.cafeMessageId ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('sanction')}>
              {t('post.sanction')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {mode === 'edit' ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act('approve', { body: draft }, t('mod.approved'));
          }}
        >
          <Textfield
            multiline
            rows={6}
            label={t('mod.editLabel')}
            description={t('mod.editHelp')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="button-row">
            <Button type="submit" data-size="sm" disabled={busy}>
              {t('mod.approveEdited')}
            </Button>
            <Button type="button" variant="secondary" data-size="sm" onClick={() => setMode(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      {mode === 'reject' ? (
        <form className="inline-form" onSubmit={submitReject} noValidate>
          <Fieldset>
            <Fieldset.Legend>{t('mod.rejectLegend')}</Fieldset.Legend>
            <Fieldset.Description>{t('mod.rejectHelp')}</Fieldset.Description>
            {CANNED.map((k) => (
              <Radio
                key={k}
                name={`canned-${item.id}`}
                value={k}
                label={t(`mod.canned.${k}`)}
                checked={canned === k}
                onChange={() => setCanned(k)}
              />
            ))}
            <Radio
              name={`canned-${item.id}`}
              value="free"
              label={t('mod.cannedFree')}
              checked={canned === 'free'}
              onChange={() => setCanned('free')}
            />
          </Fieldset>
          {canned === 'free' || !canned ? (
            <Textfield
              label={t('mod.freeReason')}
              value={free}
              onChange={(e) => setFree(e.target.value)}
              error={rejectError}
              maxLength={500}
            />
          ) : null}
          <div className="button-row">
            <Button type="submit" data-size="sm" data-color="danger" disabled={busy}>
              {item.type === 'flag' ? t('mod.removeContent') : t('mod.reject')}
            </Button>
            <Button type="button" variant="secondary" data-size="sm" onClick={() => setMode(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      {mode === 'hide' && c.postId ? (
        <ReasonForm
          label={t('post.hideReason')}
          submitLabel={t('post.hide')}
          onCancel={() => setMode(null)}
          onSubmit={async (reason) => {
            await api.post(`/api/mod/posts/${c.postId}/hide`, { reason });
            say(t('post.hidden'));
            setMode(null);
          }}
        />
      ) : null}
      {mode === 'sanction' ? (
        <SanctionForm
          target={c.cafeMessageId ? { cafeMessageId: c.cafeMessageId } : { postId: c.postId ?? '' }}
          onDone={() => setMode(null)}
          onCancel={() => setMode(null)}
        />
      ) : null}
      {failure ? <ErrorAlert error={failure} /> : null}
    </Card>
  );
}

function Queue({ queue, onChanged }: { queue: ApiState<Page<QueueItem>>; onChanged(): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [undoable, setUndoable] = useState<{ id: string; at: number }[]>([]);
  const [undoFailure, setUndoFailure] = useState<unknown>();
  const items = queue.data?.items ?? [];
  const cursor = queue.data?.nextCursor ?? null;

  // An undo is offered for ten minutes after a rejection.
  useEffect(() => {
    if (undoable.length === 0) return;
    const timer = window.setInterval(
      () => setUndoable((list) => list.filter((u) => Date.now() - u.at < 600_000)),
      15_000,
    );
    return () => window.clearInterval(timer);
  }, [undoable.length]);

  if (queue.loading) return <Loading />;
  if (queue.error && items.length === 0)
    return <ErrorAlert error={queue.error} retry={queue.reload} announce={false} />;
  return (
    <>
      {undoable.length ? (
        <Alert data-color="info" className="block">
          <Paragraph>{t('mod.undoIntro')}</Paragraph>
          <div className="button-row mt-2">
            {undoable.map((u) => (
              <Button
                key={u.id}
                variant="secondary"
                data-size="sm"
                onClick={async () => {
                  setUndoFailure(undefined);
                  try {
                    await api.post(`/api/mod/queue/${u.id}/undo`);
                    setUndoable((list) => list.filter((x) => x.id !== u.id));
                    say(t('mod.undone'));
                    queue.reload();
                    onChanged();
                  } catch (err) {
                    setUndoFailure(err);
                  }
                }}
              >
                {t('mod.undo', { time: new Date(u.at).toLocaleTimeString() })}
              </Button>
            ))}
          </div>
          {undoFailure ? <ErrorAlert error={undoFailure} /> : null}
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <Paragraph data-testid="queue-empty">{t('mod.queueEmpty')}</Paragraph>
      ) : (
        <ul className="queue" data-testid="queue">
          {items.map((item) => (
            <li key={item.id}>
              <QueueCard
                item={item}
                onHandled={(id, rejected) => {
                  queue.setData((page) => page && { ...page, items: page.items.filter((x) => x.id !== id) });
                  if (rejected) setUndoable((list) => [...list, { id, at: Date.now() }]);
                  onChanged();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {cursor ? <Paragraph className="muted">{t('mod.moreInQueue')}</Paragraph> : null}
    </>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [filters, setFilters] = useState({ action: '', actor: '' });
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  if (filters.actor) params.set('actor', filters.actor);
  const paged = usePaged<AuditEntry>(`/api/mod/audit${params.toString() ? `?${params}` : ''}`);
  return (
    <>
      <form
        className="filter-form"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ action, actor: actor.trim() });
        }}
      >
        <div className="ds-field-like">
          <label htmlFor="audit-action" className="ds-label">
            {t('mod.audit.action')}
          </label>
          <Select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
            <Select.Option value="">{t('mod.audit.all')}</Select.Option>
            {AUDIT_ACTIONS.map((a) => (
              <Select.Option key={a} value={a}>
                {t(`mod.audit.actions.${a}`)}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield label={t('mod.audit.actor')} value={actor} onChange={(e) => setActor(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('mod.audit.filter')}
        </Button>
      </form>
      {paged.loading ? (
        <Loading />
      ) : paged.error && paged.items.length === 0 ? (
        <ErrorAlert error={paged.error} retry={paged.reload} announce={false} />
      ) : paged.items.length === 0 ? (
        <Paragraph>{t('mod.audit.none')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra data-size="sm">
            <caption className="ds-sr-only">{t('mod.audit.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('mod.audit.time')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mod.audit.actor')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mod.audit.action')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mod.audit.target')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mod.audit.reason')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {paged.items.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell data-label={t('mod.audit.time')}>{formatDateTime(a.createdAt, i18n.language)}</Table.Cell>
                  <Table.Cell data-label={t('mod.audit.actor')}>
                    {a.actor ? a.actor.username : t('author.deleted')}
                  </Table.Cell>
                  <Table.Cell data-label={t('mod.audit.action')}>
                    {t(`mod.audit.actions.${a.action}`, { defaultValue: a.action })}
                  </Table.Cell>
                  <Table.Cell data-label={t('mod.audit.target')}>
                    <AuditTarget target={a.target} />
                  </Table.Cell>
                  <Table.Cell data-label={t('mod.audit.reason')}>{a.reason ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {paged.hasMore ? <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} /> : null}
    </>
  );
}

function ModerationContent() {
  const { t } = useTranslation();
  const say = useAnnounce();
  const stats = useApi<ModStats>('/api/mod/stats');
  const queue = useApi<Page<QueueItem>>('/api/mod/queue?limit=50');
  const reloadQueue = queue.reload;
  const [live, setLive] = useState<'connecting' | 'live' | 'offline'>('connecting');
  const reloadStats = stats.reload;
  const debounce = useRef<number | null>(null);

  useEffect(() => {
    let socket: Socket | undefined;
    let stopped = false;
    void connect('/mod').then((s) => {
      if (stopped) return s.close();
      socket = s;
      s.on('connect', () => setLive('live'));
      s.on('disconnect', () => setLive('offline'));
      s.on('connect_error', () => setLive('offline'));
      s.on('queue:changed', (e: { pending: number; crisisPending: number }) => {
        if (debounce.current !== null) window.clearTimeout(debounce.current);
        debounce.current = window.setTimeout(() => {
          reloadQueue();
          reloadStats();
        }, 300);
        say(
          e.crisisPending > 0
            ? t('mod.liveCrisis', { count: e.pending, crisis: e.crisisPending })
            : t('mod.liveUpdate', { count: e.pending }),
        );
      });
    });
    return () => {
      stopped = true;
      socket?.close();
    };
  }, [reloadStats, reloadQueue, say, t]);

  return (
    <>
      <PageHeader title={t('mod.title')} lead={t('mod.lead')}>
        <div className="tags">
          <Tag data-size="sm" data-color={live === 'live' ? 'success' : 'neutral'} data-testid="mod-live">
            {t(`mod.live.${live}`)}
          </Tag>
        </div>
      </PageHeader>
      <nav aria-label={t('profile.sections')} className="toc">
        <ul>
          <li>
            <a href="#ko" className="ds-link">
              {t('mod.queueHeading')}
            </a>
          </li>
          <li>
            <a href="#logg" className="ds-link">
              {t('mod.audit.heading')}
            </a>
          </li>
        </ul>
      </nav>
      {stats.error ? <ErrorAlert error={stats.error} retry={stats.reload} announce={false} /> : null}
      <Stats stats={stats.data} onDutyChange={stats.reload} />
      <section id="ko" aria-labelledby="queue-h" className="section">
        <Heading level={2} id="queue-h" data-size="sm">
          {t('mod.queueHeading')}
        </Heading>
        <Queue queue={queue} onChanged={stats.reload} />
      </section>
      <section id="logg" aria-labelledby="audit-h" className="section">
        <Heading level={2} id="audit-h" data-size="sm">
          {t('mod.audit.heading')}
        </Heading>
        <AuditLog />
      </section>
    </>
  );
}

export default function ModerationPage() {
  const { t } = useTranslation();
  return (
    <RequireRole minRole="moderator" title={t('mod.title')}>
      <ModerationContent />
    </RequireRole>
  );
}
