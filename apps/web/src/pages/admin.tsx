import {
  Alert,
  Button,
  Card,
  Checkbox,
  Heading,
  Paragraph,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '#libs/contracts';
import { api } from '../api/client';
import type { AdminPanelApplication, CafeRoom, Category, Page, Settings, User, WatchedWord } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { ErrorAlert, Loading, StatusAlert } from '../components/feedback';
import { RequireRole } from '../components/guards';
import { LoadMoreButton, usePaged } from '../components/load-more';
import { ReasonForm } from '../components/mod-forms';
import { PageHeader } from '../components/page-header';
import { fieldOf } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/use-api';
import { CategoryTags, RoomState } from './home';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="section">
      <Heading level={2} id={`${id}-h`} data-size="sm">
        {title}
      </Heading>
      {children}
    </section>
  );
}

function LabelledSelect({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  children: ReactNode;
}) {
  return (
    <div className="ds-field-like">
      <label htmlFor={id} className="ds-label">
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </Select>
    </div>
  );
}

const EMPTY_CATEGORY = {
  slug: '',
  name: '',
  description: '',
  visibility: 'open',
  moderation: 'post',
  allowAnonymous: false,
  allowGuests: false,
};

function CategoryForm({ initial, onSaved, onCancel }: { initial?: Category; onSaved(): void; onCancel?(): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [v, setV] = useState(
    initial
      ? {
          slug: initial.slug,
          name: initial.name,
          description: initial.description,
          visibility: initial.visibility,
          moderation: initial.moderation,
          allowAnonymous: initial.allowAnonymous,
          allowGuests: initial.allowGuests,
        }
      : EMPTY_CATEGORY,
  );
  const [errors, setErrors] = useState<{ slug?: string; name?: string }>({});
  const [failure, setFailure] = useState<unknown>();
  const idp = initial ? `cat-${initial.slug}` : 'cat-new';
  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!/^[a-z0-9-]{2,48}$/.test(v.slug)) errs.slug = t('admin.categories.slugError');
    if (!v.name.trim()) errs.name = t('admin.categories.nameError');
    setErrors(errs);
    setFailure(undefined);
    if (errs.slug || errs.name) return;
    try {
      if (initial) {
        const { slug: _slug, ...rest } = v;
        await api.patch(`/api/categories/${initial.slug}`, rest);
      } else await api.post('/api/categories', v);
      say(t('admin.saved'));
      onSaved();
      if (!initial) setV(EMPTY_CATEGORY);
    } catch (err) {
      const f = fieldOf(err, ['slug', 'name']);
      if (f) setErrors({ [f]: t(`admin.categories.${f}Error`) });
      else setFailure(err);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="form admin-form">
      {!initial ? (
        <Textfield
          id={`${idp}-slug`}
          label={t('admin.categories.slug')}
          description={t('admin.categories.slugHelp')}
          value={v.slug}
          onChange={(e) => setV({ ...v, slug: e.target.value })}
          error={errors.slug}
        />
      ) : null}
      <Textfield
        id={`${idp}-name`}
        label={t('admin.categories.name')}
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.target.value })}
        error={errors.name}
      />
      <Textfield
        id={`${idp}-description`}
        multiline
        rows={2}
        label={t('admin.categories.description')}
        value={v.description}
        onChange={(e) => setV({ ...v, description: e.target.value })}
      />
      <LabelledSelect
        id={`${idp}-visibility`}
        label={t('admin.categories.visibility')}
        value={v.visibility}
        onChange={(x) => setV({ ...v, visibility: x })}
      >
        <Select.Option value="open">{t('category.open')}</Select.Option>
        <Select.Option value="closed">{t('category.closed')}</Select.Option>
      </LabelledSelect>
      <LabelledSelect
        id={`${idp}-moderation`}
        label={t('admin.categories.moderation')}
        value={v.moderation}
        onChange={(x) => setV({ ...v, moderation: x })}
      >
        <Select.Option value="post">{t('admin.categories.post')}</Select.Option>
        <Select.Option value="pre">{t('admin.categories.pre')}</Select.Option>
      </LabelledSelect>
      <Checkbox
        label={t('admin.categories.allowAnonymous')}
        checked={v.allowAnonymous}
        onChange={(e) => setV({ ...v, allowAnonymous: e.target.checked })}
      />
      <Checkbox
        label={t('admin.categories.allowGuests')}
        checked={v.allowGuests}
        onChange={(e) => setV({ ...v, allowGuests: e.target.checked })}
      />
      {failure ? <ErrorAlert error={failure} /> : null}
      <div className="button-row">
        <Button type="submit" variant={initial ? 'secondary' : 'primary'} data-size="sm">
          {initial ? t('common.save') : t('admin.categories.create')}
        </Button>
        {onCancel ? (
          <Button type="button" variant="tertiary" data-size="sm" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function Categories() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<Category[]>('/api/categories');
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <>
      {loading ? <Loading /> : error ? <ErrorAlert error={error} retry={reload} announce={false} /> : null}
      <ul className="admin-list">
        {data?.map((c) => (
          <li key={c.id}>
            <Card data-color="neutral">
              <Heading level={3} data-size="2xs">
                {c.name} <span className="muted">/{c.slug}</span>
              </Heading>
              <CategoryTags category={c} />
              {editing === c.slug ? (
                <CategoryForm
                  initial={c}
                  onSaved={() => {
                    setEditing(null);
                    reload();
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <Button variant="tertiary" data-size="sm" onClick={() => setEditing(c.slug)}>
                  {t('admin.edit')} <span className="ds-sr-only">{c.name}</span>
                </Button>
              )}
            </Card>
          </li>
        ))}
      </ul>
      <Heading level={3} data-size="xs" className="mt-4">
        {t('admin.categories.new')}
      </Heading>
      <CategoryForm onSaved={reload} />
    </>
  );
}

function WatchedWords() {
  const { t } = useTranslation();
  const say = useAnnounce();
  const paged = usePaged<WatchedWord>('/api/admin/watched-words', 100);
  const { error, loading, reload } = paged;
  const words = paged.items;
  const [pattern, setPattern] = useState('');
  const [action, setAction] = useState('review');
  const [err, setErr] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <Paragraph>{t('admin.words.intro')}</Paragraph>
      {loading ? <Loading /> : error ? <ErrorAlert error={error} retry={reload} announce={false} /> : null}
      {words.length ? (
        <div className="table-scroll">
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.words.pattern')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.words.action')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="ds-sr-only">{t('admin.words.remove')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {words.map((w) => (
                <Table.Row key={w.id}>
                  <Table.Cell data-label={t('admin.words.pattern')}>{w.pattern}</Table.Cell>
                  <Table.Cell data-label={t('admin.words.action')}>{t(`admin.words.actions.${w.action}`)}</Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={async () => {
                        try {
                          await api.delete(`/api/admin/watched-words/${w.id}`);
                          say(t('admin.removed'));
                          reload();
                        } catch (e) {
                          setFailure(e);
                        }
                      }}
                    >
                      {t('admin.words.remove')} <span className="ds-sr-only">{w.pattern}</span>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {paged.hasMore ? <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} /> : null}
      <form
        className="form admin-form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setFailure(undefined);
          if (!pattern.trim()) {
            setErr(t('admin.words.patternError'));
            ref.current?.focus();
            return;
          }
          setErr(undefined);
          try {
            await api.post('/api/admin/watched-words', { pattern: pattern.trim(), action });
            setPattern('');
            say(t('admin.saved'));
            reload();
          } catch (x) {
            setFailure(x);
          }
        }}
      >
        <Textfield
          label={t('admin.words.pattern')}
          description={t('admin.words.patternHelp')}
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
          error={err}
          ref={ref as React.Ref<HTMLInputElement>}
        />
        <LabelledSelect id="word-action" label={t('admin.words.action')} value={action} onChange={setAction}>
          {(['block', 'review', 'flag', 'crisis'] as const).map((a) => (
            <Select.Option key={a} value={a}>
              {t(`admin.words.actions.${a}`)}
            </Select.Option>
          ))}
        </LabelledSelect>
        {failure ? <ErrorAlert error={failure} /> : null}
        <div>
          <Button type="submit" data-size="sm">
            {t('admin.words.add')}
          </Button>
        </div>
      </form>
    </>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

function nextHour(hoursAhead: number): Date {
  const d = new Date(Date.now() + hoursAhead * 3600_000);
  d.setMinutes(0, 0, 0);
  return d;
}

function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function RoomSchedule({ room, onChanged }: { room: CafeRoom; onChanged(): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [startsAt, setStartsAt] = useState(() => toLocalInput(nextHour(1)));
  const [endsAt, setEndsAt] = useState(() => toLocalInput(nextHour(3)));
  const [failure, setFailure] = useState<unknown>();
  const [err, setErr] = useState<string | undefined>();
  async function call(path: string, body?: unknown, message = t('admin.saved')) {
    setFailure(undefined);
    try {
      await api.post(`/api/cafe/rooms/${room.slug}/${path}`, body);
      say(message);
      onChanged();
    } catch (e) {
      setFailure(e);
    }
  }
  return (
    <>
      <div className="button-row">
        {room.isOpen ? (
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => void call('close', undefined, t('admin.rooms.closed'))}
          >
            {t('admin.rooms.closeNow')} <span className="ds-sr-only">{room.name}</span>
          </Button>
        ) : (
          <Button variant="secondary" data-size="sm" onClick={() => void call('open', {}, t('admin.rooms.opened'))}>
            {t('admin.rooms.openNow')} <span className="ds-sr-only">{room.name}</span>
          </Button>
        )}
      </div>
      <form
        className="schedule-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const s = new Date(startsAt);
          const en = new Date(endsAt);
          if (Number.isNaN(s.getTime()) || Number.isNaN(en.getTime()) || en <= s) {
            setErr(t('admin.rooms.timeError'));
            return;
          }
          setErr(undefined);
          void call('sessions', { startsAt: s.toISOString(), endsAt: en.toISOString() });
        }}
      >
        <Textfield
          id={`starts-${room.slug}`}
          type="datetime-local"
          label={t('admin.rooms.startsAt')}
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
        />
        <Textfield
          id={`ends-${room.slug}`}
          type="datetime-local"
          label={t('admin.rooms.endsAt')}
          value={endsAt}
          onChange={(e) => setEndsAt(e.target.value)}
          error={err}
        />
        <Button type="submit" variant="secondary" data-size="sm">
          {t('admin.rooms.addSession')}
        </Button>
      </form>
      {failure ? <ErrorAlert error={failure} /> : null}
    </>
  );
}

function Rooms() {
  const { t } = useTranslation();
  const say = useAnnounce();
  const { data, error, loading, reload } = useApi<CafeRoom[]>('/api/cafe/rooms');
  const [v, setV] = useState({ slug: '', name: '', description: '', audience: 'everyone' });
  const [errors, setErrors] = useState<{ slug?: string; name?: string }>({});
  const [failure, setFailure] = useState<unknown>();
  return (
    <>
      {loading ? <Loading /> : error ? <ErrorAlert error={error} retry={reload} announce={false} /> : null}
      <ul className="admin-list">
        {data?.map((r) => (
          <li key={r.slug}>
            <Card data-color="neutral">
              <Heading level={3} data-size="2xs">
                {r.name}
              </Heading>
              <RoomState room={r} />
              <RoomSchedule room={r} onChanged={reload} />
            </Card>
          </li>
        ))}
      </ul>
      <Heading level={3} data-size="xs" className="mt-4">
        {t('admin.rooms.new')}
      </Heading>
      <form
        className="form admin-form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const errs: typeof errors = {};
          if (!/^[a-z0-9-]{2,48}$/.test(v.slug)) errs.slug = t('admin.categories.slugError');
          if (!v.name.trim()) errs.name = t('admin.categories.nameError');
          setErrors(errs);
          setFailure(undefined);
          if (errs.slug || errs.name) return;
          try {
            await api.post('/api/cafe/rooms', v);
            say(t('admin.saved'));
            setV({ slug: '', name: '', description: '', audience: 'everyone' });
            reload();
          } catch (x) {
            setFailure(x);
          }
        }}
      >
        <Textfield
          id="room-slug"
          label={t('admin.categories.slug')}
          description={t('admin.categories.slugHelp')}
          value={v.slug}
          onChange={(e) => setV({ ...v, slug: e.target.value })}
          error={errors.slug}
        />
        <Textfield
          id="room-name"
          label={t('admin.categories.name')}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
          error={errors.name}
        />
        <Textfield
          id="room-description"
          multiline
          rows={2}
          label={t('admin.categories.description')}
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.target.value })}
        />
        <LabelledSelect
          id="room-audience"
          label={t('admin.rooms.audience')}
          value={v.audience}
          onChange={(x) => setV({ ...v, audience: x })}
        >
          {(['everyone', 'members', 'panel'] as const).map((a) => (
            <Select.Option key={a} value={a}>
              {t(`admin.rooms.audiences.${a}`)}
            </Select.Option>
          ))}
        </LabelledSelect>
        {failure ? <ErrorAlert error={failure} /> : null}
        <div>
          <Button type="submit" data-size="sm">
            {t('admin.rooms.create')}
          </Button>
        </div>
      </form>
    </>
  );
}

function SettingsForm() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<Settings>('/api/admin/settings');
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const values = draft ?? data;
  if (loading) return <Loading />;
  if (error) return <ErrorAlert error={error} retry={reload} announce={false} />;
  if (!values) return null;
  return (
    <form
      className="form admin-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        setFailure(undefined);
        try {
          await api.patch('/api/admin/settings', draft ?? {});
          setSaved(true);
          setDraft(null);
          reload();
        } catch (x) {
          setFailure(x);
        }
      }}
    >
      {Object.entries(values).map(([key, value]) =>
        typeof value === 'boolean' ? (
          <Checkbox
            key={key}
            label={t(`admin.settings.${key}`, { defaultValue: key })}
            checked={value}
            onChange={(e) => setDraft({ ...values, [key]: e.target.checked })}
          />
        ) : typeof value === 'number' ? (
          <Textfield
            key={key}
            type="number"
            inputMode="numeric"
            label={t(`admin.settings.${key}`, { defaultValue: key })}
            description={t(`admin.settings.${key}Help`, { defaultValue: '' }) || undefined}
            value={String(value)}
            onChange={(e) => setDraft({ ...values, [key]: Number(e.target.value) })}
          />
        ) : (
          <Textfield
            key={key}
            label={t(`admin.settings.${key}`, { defaultValue: key })}
            value={String(value)}
            onChange={(e) => setDraft({ ...values, [key]: e.target.value })}
          />
        ),
      )}
      {failure ? <ErrorAlert error={failure} /> : null}
      {saved ? <StatusAlert message={t('admin.saved')} /> : null}
      <div>
        <Button type="submit" data-size="sm" disabled={!draft}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

function UserRow({ user, onChanged }: { user: User; onChanged(u: User): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [role, setRole] = useState<string>(user.role);
  const [link, setLink] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>();
  return (
    <Table.Row>
      <Table.Cell data-label={t('admin.users.user')}>
        {user.displayName} <span className="muted">({user.username})</span>
      </Table.Cell>
      <Table.Cell data-label={t('profile.role')}>
        <div className="inline-controls">
          <Select
            aria-label={t('admin.users.roleFor', { name: user.username })}
            value={role}
            onChange={(e) => setRole(e.target.value)}
            data-size="sm"
          >
            {ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {t(`roles.${r}`)}
              </Select.Option>
            ))}
          </Select>
          <Button
            variant="secondary"
            data-size="sm"
            disabled={role === user.role}
            onClick={async () => {
              setFailure(undefined);
              try {
                const updated = await api.patch<User>(`/api/admin/users/${user.id}`, { role });
                onChanged(updated);
                say(t('admin.users.roleChanged', { name: user.username, role: t(`roles.${role}`) }));
              } catch (x) {
                setFailure(x);
              }
            }}
          >
            {t('common.save')} <span className="ds-sr-only">{user.username}</span>
          </Button>
        </div>
        {failure ? <ErrorAlert error={failure} /> : null}
      </Table.Cell>
      <Table.Cell data-label={t('admin.users.password')}>
        {link ? (
          <div className="reset-link">
            <Textfield
              label={t('admin.users.resetLink')}
              description={t('admin.users.resetLinkHelp')}
              value={link}
              readOnly
              onFocus={(e) => e.target.select()}
            />
          </div>
        ) : (
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={async () => {
              try {
                const r = await api.post<{ resetUrl: string }>(`/api/admin/users/${user.id}/reset-password`);
                setLink(r.resetUrl);
                say(t('admin.users.resetCreated'));
              } catch (x) {
                setFailure(x);
              }
            }}
          >
            {t('admin.users.makeReset')} <span className="ds-sr-only">{user.username}</span>
          </Button>
        )}
      </Table.Cell>
    </Table.Row>
  );
}

function Users() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const paged = usePaged<User>(`/api/admin/users${search ? `?q=${encodeURIComponent(search)}` : ''}`);
  return (
    <>
      <form
        className="filter-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <Textfield label={t('admin.users.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('search.submit')}
        </Button>
      </form>
      {paged.loading ? (
        <Loading />
      ) : paged.error ? (
        <ErrorAlert error={paged.error} retry={paged.reload} announce={false} />
      ) : (
        <div className="table-scroll">
          <Table data-size="sm" zebra data-testid="user-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.users.user')}</Table.HeaderCell>
                <Table.HeaderCell>{t('profile.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.users.password')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {paged.items.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  onChanged={(nu) => paged.setItems((list) => list.map((x) => (x.id === nu.id ? nu : x)))}
                />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {paged.hasMore ? <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} /> : null}
    </>
  );
}

function Applications() {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const { data, error, loading, reload } = useApi<Page<AdminPanelApplication>>(
    '/api/admin/panel/applications?status=pending&limit=50',
  );
  const list = data?.items ?? [];
  const [failure, setFailure] = useState<unknown>();
  if (loading) return <Loading />;
  if (error) return <ErrorAlert error={error} retry={reload} announce={false} />;
  if (list.length === 0) return <Paragraph>{t('admin.applications.none')}</Paragraph>;
  return (
    <>
      <ul className="admin-list">
        {list.map((a) => {
          const name = a.applicant.displayName || a.applicant.username;
          return (
            <li key={a.id}>
              <Card data-color="neutral">
                <Heading level={3} data-size="2xs">
                  {name}
                </Heading>
                <Paragraph data-size="sm" className="muted">
                  {formatDateTime(a.createdAt, i18n.language)}
                  {` · ${t(`admin.applications.status.${a.status}`, { defaultValue: a.status })}`}
                </Paragraph>
                <Paragraph>{a.motivation}</Paragraph>
                {a.status === 'pending' ? (
                  <div className="button-row mt-2">
                    {(['approve', 'reject'] as const).map((action) => (
                      <Button
                        key={action}
                        variant={action === 'approve' ? 'primary' : 'secondary'}
                        data-size="sm"
                        onClick={async () => {
                          setFailure(undefined);
                          try {
                            await api.post(`/api/admin/panel/applications/${a.id}/${action}`);
                            say(
                              action === 'approve'
                                ? t('admin.applications.approvedMsg', { name })
                                : t('admin.applications.rejectedMsg', { name }),
                            );
                            reload();
                          } catch (x) {
                            setFailure(x);
                          }
                        }}
                      >
                        {t(`admin.applications.${action}`)} <span className="ds-sr-only">{name}</span>
                      </Button>
                    ))}
                  </div>
                ) : null}
              </Card>
            </li>
          );
        })}
      </ul>
      {failure ? <ErrorAlert error={failure} /> : null}
    </>
  );
}

function Reveal() {
  const { t } = useTranslation();
  const [postId, setPostId] = useState('');
  const [err, setErr] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ userId: string; username: string } | null>(null);
  return (
    <>
      <Alert data-color="warning" className="block">
        <Paragraph>{t('admin.reveal.warning')}</Paragraph>
      </Alert>
      {result ? (
        <StatusAlert color="info" message={t('admin.reveal.result', { username: result.username })}>
          <Button
            variant="secondary"
            data-size="sm"
            className="mt-2"
            onClick={() => {
              setResult(null);
              setPostId('');
            }}
          >
            {t('admin.reveal.clear')}
          </Button>
        </StatusAlert>
      ) : confirming ? (
        <ReasonForm
          label={t('admin.reveal.reason')}
          submitLabel={t('admin.reveal.submit')}
          danger
          onCancel={() => setConfirming(false)}
          onSubmit={async (reason) => {
            const r = await api.post<{ userId: string; username: string }>('/api/admin/reveal', {
              postId: postId.trim(),
              reason,
            });
            setResult(r);
            setConfirming(false);
          }}
        />
      ) : (
        <form
          className="form admin-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!/^[0-9a-f-]{36}$/i.test(postId.trim())) {
              setErr(t('admin.reveal.postIdError'));
              return;
            }
            setErr(undefined);
            setConfirming(true);
          }}
        >
          <Textfield
            label={t('admin.reveal.postId')}
            description={t('admin.reveal.postIdHelp')}
            value={postId}
            onChange={(e) => setPostId(e.target.value)}
            error={err}
          />
          <div>
            <Button type="submit" variant="secondary" data-size="sm">
              {t('admin.reveal.next')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}

function AdminContent() {
  const { t } = useTranslation();
  const sections = [
    { id: 'kategorier', title: t('admin.categories.heading'), el: <Categories /> },
    { id: 'ord', title: t('admin.words.heading'), el: <WatchedWords /> },
    { id: 'kafe', title: t('admin.rooms.heading'), el: <Rooms /> },
    { id: 'innstillinger', title: t('admin.settings.heading'), el: <SettingsForm /> },
    { id: 'brukere', title: t('admin.users.heading'), el: <Users /> },
    { id: 'soknader', title: t('admin.applications.heading'), el: <Applications /> },
    { id: 'avslor', title: t('admin.reveal.heading'), el: <Reveal /> },
  ];
  return (
    <>
      <PageHeader title={t('admin.title')} lead={t('admin.lead')} />
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
      {sections.map((s) => (
        <Section key={s.id} id={s.id} title={s.title}>
          {s.el}
        </Section>
      ))}
    </>
  );
}

export default function AdminPage() {
  const { t } = useTranslation();
  return (
    <RequireRole minRole="admin" title={t('admin.title')}>
      <AdminContent />
    </RequireRole>
  );
}
