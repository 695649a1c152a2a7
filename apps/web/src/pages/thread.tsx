import { Alert, Button, Checkbox, Heading, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../api/client';
import type { Category, Page, Post, Thread, WriteOutcome } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { AuthorName } from '../components/author';
import { ErrorAlert, Loading } from '../components/feedback';
import { LoadMoreButton, useFocusFirstNew, useFocusOnMount } from '../components/load-more';
import { MarkdownEditor } from '../components/markdown-editor';
import { FlagForm, ReasonForm, SanctionForm } from '../components/mod-forms';
import { PageHeader } from '../components/page-header';
import { WriteOutcomeView, rememberReceipt } from '../components/write-outcome';
import { errorText, fieldOf, isStatus } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/use-api';
import { useSession } from '../session';
import NotFoundPage from './not-found';
import { AnonymousExplanation } from './category';

/** Scrolls to and focuses the element once React has put it on the page (a few frames at most). */
function showWhenThere(id: string, frames = 30): void {
  const el = document.getElementById(id);
  if (el) {
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  } else if (frames > 0) requestAnimationFrame(() => showWhenThere(id, frames - 1));
}

/** Best effort at the Markdown source of a post when the API sends only HTML. */
function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const blocks = Array.from(doc.body.children).map((el) => el.textContent?.trim() ?? '');
  return blocks.length ? blocks.join('\n\n') : (doc.body.textContent ?? '');
}

export function StatusTag({ status }: { status: Post['status'] }) {
  const { t } = useTranslation();
  if (status === 'published') return null;
  const color = status === 'pending' ? 'warning' : status === 'rejected' ? 'danger' : 'neutral';
  return (
    <Tag data-size="sm" data-color={color} data-testid={`status-${status}`}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** Why a moderator did not publish a post: told to its writer (ground rule 8). */
export function RejectionReason({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="warning" data-size="sm" className="block" data-testid="rejection-reason">
      <Paragraph data-size="sm">{t('post.rejectedReason', { reason })}</Paragraph>
    </Alert>
  );
}

/** The confirming button takes focus when the question appears. */
export function DeleteConfirmButton({
  onClick,
  disabled,
  children,
}: {
  onClick(): void;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  const ref = useFocusOnMount<HTMLButtonElement>();
  return (
    <Button ref={ref} data-color="danger" onClick={onClick} disabled={disabled}>
      {children}
    </Button>
  );
}

type Mode = null | 'edit' | 'delete' | 'flag' | 'hide' | 'sanction';

function PostItem({ post, onChange }: { post: Post; onChange(post: Post | null): void }) {
  const { t, i18n } = useTranslation();
  const { user, can } = useSession();
  const say = useAnnounce();
  const [mode, setMode] = useState<Mode>(null);
  const [draft, setDraft] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const [editError, setEditError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const moderator = can('moderator');
  const actionsRef = useRef<HTMLDivElement>(null);

  const close = () => {
    setMode(null);
    setFailure(undefined);
    // Back to the button that opened the form.
    window.setTimeout(() => actionsRef.current?.querySelector<HTMLButtonElement>('button')?.focus(), 0);
  };

  async function saveEdit(e: FormEvent) {
    e.preventDefault();
    if (!draft.trim()) {
      setEditError(t('write.errors.bodyEmpty'));
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const updated = await api.patch<Post & WriteOutcome>(`/api/posts/${post.id}`, { body: draft });
      onChange(updated);
      setOutcome(updated);
      setMode(null);
      say(t('post.saved'));
    } catch (err) {
      if (isStatus(err, 422) || fieldOf(err, ['body'])) setEditError(errorText(t, err));
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      await api.delete(`/api/posts/${post.id}`);
      onChange({ ...post, status: 'deleted', bodyHtml: '' });
      say(t('post.deleted'));
      setMode(null);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const deleted = post.status === 'deleted';
  return (
    <article
      id={`post-${post.id}`}
      className={`post${post.status !== 'published' ? ` post-${post.status}` : ''}`}
      aria-labelledby={`post-${post.id}-author`}
      data-testid="post"
      data-post-id={post.id}
      data-list-item
      tabIndex={-1}
    >
      <header className="post-header">
        <span id={`post-${post.id}-author`}>
          <AuthorName author={post.author} />
        </span>
        <span className="muted">
          <time dateTime={post.createdAt}>{formatDateTime(post.createdAt, i18n.language)}</time>
          {post.editedAt ? <> · {t('post.edited', { time: formatDateTime(post.editedAt, i18n.language) })}</> : null}
        </span>
        <StatusTag status={post.status} />
      </header>
      {post.mine && post.author.kind === 'anonymous' ? (
        <Paragraph data-size="sm" className="only-you post-note">
          {t('post.anonymousMine')}
        </Paragraph>
      ) : null}
      {post.status === 'pending' ? (
        <Paragraph data-size="sm" className="muted post-note">
          {t('post.pendingInfo')}
        </Paragraph>
      ) : null}
      {post.status === 'rejected' && post.rejectionReason ? <RejectionReason reason={post.rejectionReason} /> : null}
      {deleted ? (
        <Paragraph className="muted">{t('post.deletedBody')}</Paragraph>
      ) : mode === 'edit' ? (
        <form onSubmit={saveEdit} noValidate className="inline-form">
          <MarkdownEditor label={t('post.editLabel')} value={draft} onChange={setDraft} error={editError} />
          {failure ? <ErrorAlert error={failure} /> : null}
          <div className="button-row">
            <Button type="submit" disabled={busy}>
              {t('common.save')}
            </Button>
            <Button type="button" variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      )}
      {outcome && (outcome.status === 'pending' || outcome.support || outcome.notices?.length) ? (
        <WriteOutcomeView outcome={outcome} />
      ) : null}
      {!deleted && mode === null ? (
        <div className="post-actions" ref={actionsRef}>
          {post.mine ? (
            <>
              <Button
                variant="tertiary"
                data-size="sm"
                onClick={() => {
                  setDraft(post.body ?? htmlToText(post.bodyHtml));
                  setEditError(undefined);
                  setMode('edit');
                }}
              >
                {t('post.edit')}
              </Button>
              <Button variant="tertiary" data-size="sm" onClick={() => setMode('delete')}>
                {t('post.delete')}
              </Button>
            </>
          ) : (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('flag')}>
              {t('post.flag')}
            </Button>
          )}
          {moderator ? (
            <>
              {post.status === 'hidden' ? (
                <Button variant="tertiary" data-size="sm" onClick={() => setMode('hide')}>
                  {t('post.restore')}
                </Button>
              ) : (
                <Button variant="tertiary" data-size="sm" onClick={() => setMode('hide')}>
                  {t('post.hide')}
                </Button>
              )}
              {!post.mine ? (
                <Button variant="tertiary" data-size="sm" onClick={() => setMode('sanction')}>
                  {t('post.sanction')}
                </Button>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
      {mode === 'delete' ? (
        <div className="inline-form">
          <Paragraph>{t('post.confirmDelete')}</Paragraph>
          {failure ? <ErrorAlert error={failure} /> : null}
          <div className="button-row">
            <DeleteConfirmButton onClick={() => void remove()} disabled={busy}>
              {t('post.delete')}
            </DeleteConfirmButton>
            <Button variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {mode === 'flag' ? <FlagForm postId={post.id} guest={!user} onDone={close} onCancel={close} /> : null}
      {mode === 'hide' ? (
        <ReasonForm
          label={post.status === 'hidden' ? t('post.restoreReason') : t('post.hideReason')}
          submitLabel={post.status === 'hidden' ? t('post.restore') : t('post.hide')}
          onCancel={close}
          onSubmit={async (reason) => {
            const restoring = post.status === 'hidden';
            await api.post(`/api/mod/posts/${post.id}/${restoring ? 'restore' : 'hide'}`, { reason });
            onChange({ ...post, status: restoring ? 'published' : 'hidden' });
            say(restoring ? t('post.restored') : t('post.hidden'));
            close();
          }}
        />
      ) : null}
      {mode === 'sanction' ? <SanctionForm target={{ postId: post.id }} onDone={close} onCancel={close} /> : null}
    </article>
  );
}

function ModTools({ thread, onChange }: { thread: Thread; onChange(patch: Partial<Thread>): void }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const { data: categories } = useApi<Category[]>('/api/categories');
  const [target, setTarget] = useState('');
  const [failure, setFailure] = useState<unknown>();
  async function patch(body: Record<string, unknown>, message: string, local: Partial<Thread>) {
    setFailure(undefined);
    try {
      await api.patch(`/api/mod/threads/${thread.id}`, body);
      onChange(local);
      say(message);
    } catch (err) {
      setFailure(err);
    }
  }
  return (
    <section aria-labelledby="modtools-heading" className="panel section mod-tools">
      <Heading level={2} id="modtools-heading" data-size="xs">
        {t('modtools.heading')}
      </Heading>
      <div className="button-row">
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() =>
            void patch({ locked: !thread.locked }, thread.locked ? t('modtools.unlocked') : t('modtools.lockedDone'), {
              locked: !thread.locked,
            })
          }
        >
          {thread.locked ? t('modtools.unlock') : t('modtools.lock')}
        </Button>
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() =>
            void patch({ pinned: !thread.pinned }, thread.pinned ? t('modtools.unpinned') : t('modtools.pinnedDone'), {
              pinned: !thread.pinned,
            })
          }
        >
          {thread.pinned ? t('modtools.unpin') : t('modtools.pin')}
        </Button>
      </div>
      <form
        className="move-form"
        onSubmit={(e) => {
          e.preventDefault();
          const c = categories?.find((x) => x.slug === target);
          if (c)
            void patch({ categorySlug: c.slug }, t('modtools.moved', { name: c.name }), {
              category: { slug: c.slug, name: c.name },
            });
        }}
      >
        <div className="ds-field-like">
          <label htmlFor="move-target" className="ds-label">
            {t('modtools.moveTo')}
          </label>
          <Select id="move-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <Select.Option value="">{t('modtools.chooseCategory')}</Select.Option>
            {categories
              ?.filter((c) => c.slug !== thread.category.slug)
              .map((c) => (
                <Select.Option key={c.slug} value={c.slug}>
                  {c.name}
                </Select.Option>
              ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary" data-size="sm" disabled={!target}>
          {t('modtools.move')}
        </Button>
      </form>
      {failure ? <ErrorAlert error={failure} /> : null}
    </section>
  );
}

function ReplyForm({
  thread,
  category,
  onPosted,
}: {
  thread: Thread;
  category: Category | undefined;
  onPosted(post: Post): void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    setOutcome(null);
    if (!body.trim()) {
      setError(t('write.errors.bodyEmpty'));
      bodyRef.current?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const payload: Record<string, unknown> = { body };
      if (anonymous) payload.anonymous = true;
      const post = await api.post<Post & WriteOutcome>(`/api/threads/${thread.id}/posts`, payload);
      if (post.receiptToken) rememberReceipt(post.receiptToken, thread.title);
      setOutcome(post);
      setBody('');
      if (user) onPosted({ ...post, mine: true });
    } catch (err) {
      if (isStatus(err, 422) || fieldOf(err, ['body'])) {
        setError(errorText(t, err));
        bodyRef.current?.focus();
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="reply-heading" className="section panel">
      <Heading level={2} id="reply-heading" data-size="sm">
        {t('thread.reply')}
      </Heading>
      {!user ? (
        <Paragraph className="muted">{t('write.guestNote')}</Paragraph>
      ) : category?.moderation === 'pre' ? (
        <Paragraph className="muted">{t('write.preNote')}</Paragraph>
      ) : null}
      {outcome ? <WriteOutcomeView outcome={outcome} /> : null}
      <form onSubmit={submit} noValidate className="form">
        <MarkdownEditor
          label={t('thread.replyLabel')}
          value={body}
          onChange={setBody}
          error={error}
          textareaRef={bodyRef}
          rows={5}
          name="reply"
        />
        {category?.allowAnonymous && user ? (
          <Checkbox
            label={t('write.anonymous')}
            description={<AnonymousExplanation />}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
            name="anonymous"
          />
        ) : null}
        {failure ? <ErrorAlert error={failure} /> : null}
        <div>
          <Button type="submit" disabled={busy} aria-busy={busy || undefined}>
            {t('thread.sendReply')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export default function ThreadPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { user, can } = useSession();
  const { data, error, loading, reload, setData } = useApi<Thread>(`/api/threads/${encodeURIComponent(id)}`);
  const { data: categories } = useApi<Category[]>('/api/categories');
  const [posts, setPosts] = useState<Post[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  const [firstNew, setFirstNew] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useFocusFirstNew(firstNew, listRef);

  // A new thread answer replaces the list (adjusting state while rendering, as React advises).
  const [shown, setShown] = useState<Thread | undefined>(undefined);
  if (data !== shown) {
    setShown(data);
    setPosts(data?.posts.items ?? []);
    setCursor(data?.posts.nextCursor ?? null);
  }

  const category = useMemo(() => categories?.find((c) => c.slug === data?.category.slug), [categories, data]);

  const loadMore = useCallback(async () => {
    if (!cursor || !data) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await api.get<Page<Post>>(
        `/api/threads/${data.id}/posts?limit=20&cursor=${encodeURIComponent(cursor)}`,
      );
      setFirstNew(posts.length);
      setPosts((p) => [...p, ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      setMoreError(err);
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, data, posts.length]);

  // A link to one post (`#post-<id>`: search, "my posts", a guest's receipt) pages on until the post is there, then shows it.
  const { hash } = useLocation();
  const target = /^#post-[0-9a-f-]{36}$/.test(hash) ? hash.slice(1) : null;
  const reached = useRef<string | null>(null);
  useEffect(() => {
    if (!target || !data || reached.current === target) return;
    reached.current = target;
    const postId = target.slice('post-'.length);
    let live = true;
    void (async () => {
      const extra: Post[] = [];
      let next = data.posts.nextCursor;
      const has = () => data.posts.items.some((p) => p.id === postId) || extra.some((p) => p.id === postId);
      try {
        for (let i = 0; i < 25 && next && !has(); i++) {
          const page = await api.get<Page<Post>>(
            `/api/threads/${data.id}/posts?limit=50&cursor=${encodeURIComponent(next)}`,
          );
          extra.push(...page.items);
          next = page.nextCursor;
        }
      } catch {
        // the first page is shown; "show more" still works
      }
      if (!live) return;
      if (extra.length) {
        setPosts((list) => [...list, ...extra]);
        setCursor(next);
      }
      showWhenThere(target);
    })();
    return () => {
      live = false;
    };
  }, [target, data]);

  if (loading) return <Loading />;
  if (error) {
    if (isStatus(error, 400, 404)) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('thread.title')} />
        <ErrorAlert error={error} retry={reload} />
      </>
    );
  }
  if (!data) return null;
  const thread = data;
  const moderator = can('moderator');

  // Only a published thread takes replies; a lock ends the conversation, except for moderators.
  const mayReply =
    thread.status === 'published' &&
    (!thread.locked || moderator) &&
    (user ? category?.canPost !== false : category?.allowGuests === true);
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <Link to="/" className="ds-link">
          {t('nav.forum')}
        </Link>
        <span aria-hidden="true"> / </span>
        <Link to={`/kategori/${thread.category.slug}`} className="ds-link">
          {thread.category.name}
        </Link>
      </nav>
      <PageHeader title={thread.title}>
        <div className="tags">
          {thread.pinned ? (
            <Tag data-size="sm" data-color="accent">
              {t('thread.pinned')}
            </Tag>
          ) : null}
          {thread.locked ? (
            <Tag data-size="sm" data-color="neutral">
              {t('thread.locked')}
            </Tag>
          ) : null}
          <StatusTag status={thread.status} />
          <span className="muted">
            {t('thread.startedBy')} <AuthorName author={thread.author} /> ·{' '}
            {formatDateTime(thread.createdAt, i18n.language)}
          </span>
        </div>
      </PageHeader>
      {moderator ? <ModTools thread={thread} onChange={(patch) => setData({ ...thread, ...patch })} /> : null}
      <section aria-labelledby="posts-heading" className="section">
        <Heading level={2} id="posts-heading" className="ds-sr-only">
          {t('thread.posts')}
        </Heading>
        <ol className="post-list" ref={listRef} data-testid="post-list">
          {posts.map((p) => (
            <li key={p.id}>
              <PostItem
                post={p}
                onChange={(updated) =>
                  setPosts((list) => list.map((x) => (x.id === p.id && updated ? { ...x, ...updated } : x)))
                }
              />
            </li>
          ))}
        </ol>
        {cursor ? (
          <LoadMoreButton onClick={() => void loadMore()} loading={loadingMore} label={t('thread.morePosts')} />
        ) : null}
        {moreError ? <ErrorAlert error={moreError} /> : null}
      </section>
      {thread.locked ? (
        <Alert data-color="info" className="block" data-testid="thread-locked">
          <Paragraph>{moderator ? t('thread.lockedModerator') : t('errors.codes.locked')}</Paragraph>
        </Alert>
      ) : null}
      {mayReply ? (
        <ReplyForm thread={thread} category={category} onPosted={(p) => !cursor && setPosts((list) => [...list, p])} />
      ) : !user && !thread.locked ? (
        <Alert data-color="info" className="block">
          <Paragraph>
            {t('category.loginToPost')}{' '}
            <Link to={`/logg-inn?neste=${encodeURIComponent(`/trad/${thread.id}`)}`} className="ds-link">
              {t('nav.login')}
            </Link>
          </Paragraph>
        </Alert>
      ) : null}
    </>
  );
}
