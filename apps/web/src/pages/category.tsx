import { Alert, Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { Category, CreatedThread, ThreadSummary } from '../api/types';
import { ErrorAlert, Loading } from '../components/feedback';
import { LoadMoreButton, useFocusFirstNew, usePaged } from '../components/load-more';
import { DraftRestored } from '../components/draft-restored';
import { MarkdownEditor } from '../components/markdown-editor';
import { WarningPicker } from '../features/reader-safety/warning-picker';
import { NotSentAlert, supportOf } from '../components/not-sent';
import { MutedNotice } from '../components/muted-notice';
import { PageHeader } from '../components/page-header';
import { WriteOutcomeView } from '../components/write-outcome';
import { rememberReceipt } from '../features/receipts/stored-receipts';
import { errorText, fieldOf, isStatus } from '../lib/errors';
import { useApi } from '../lib/use-api';
import { useDraft } from '../lib/use-draft';
import { useSubmit } from '../lib/use-submit';
import { useSession } from '../session';
import { AnonymousExplanation } from '../features/forum/anonymous-explanation';
import { ThreadListItem } from '../features/forum/thread-list-item';
import { useWaitingThreads, WaitingThreads } from '../features/forum/waiting-threads';
import { CategoryTags } from './home';
import NotFoundPage from './not-found';

function ThreadList({ slug, waiting }: { slug: string; waiting: number }) {
  const { t } = useTranslation();
  const paged = usePaged<ThreadSummary>(`/api/categories/${encodeURIComponent(slug)}/threads`);
  const listRef = useRef<HTMLUListElement>(null);
  useFocusFirstNew(paged.firstNew, listRef);
  if (paged.loading) return <Loading />;
  if (paged.error && paged.items.length === 0)
    return <ErrorAlert error={paged.error} retry={paged.reload} announce={false} />;
  if (paged.items.length === 0)
    return <Paragraph>{waiting > 0 ? t('waiting.noneYet') : t('category.noThreads')}</Paragraph>;
  return (
    <>
      <ul className="thread-list" ref={listRef} data-testid="thread-list">
        {paged.items.map((th) => (
          <ThreadListItem key={th.id} thread={th} />
        ))}
      </ul>
      {paged.hasMore ? (
        <LoadMoreButton
          onClick={() => void paged.loadMore()}
          loading={paged.loadingMore}
          label={t('category.moreThreads')}
        />
      ) : null}
    </>
  );
}

function NewThreadForm({ category, onHeld }: { category: Category; onHeld?: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const titleDraft = useDraft(`thread-title:${category.slug}`);
  const bodyDraft = useDraft(`thread:${category.slug}`);
  const title = titleDraft.value;
  const body = bodyDraft.value;
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<{ title?: string; body?: string }>({});
  const [created, setCreated] = useState<CreatedThread | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const send = useSubmit(
    async () => {
      const thread = await api.post<CreatedThread>(`/api/categories/${encodeURIComponent(category.slug)}/threads`, {
        title: title.trim(),
        body,
        ...(anonymous && category.canPostAnonymously ? { anonymous: true } : {}),
        ...(warning ? { contentWarning: warning } : {}),
      });
      if (thread.receiptToken) rememberReceipt(thread.receiptToken, thread.title, thread.receiptCode);
      setCreated(thread);
      if (thread.status === 'pending') onHeld?.();
      titleDraft.clear();
      bodyDraft.clear();
      setAnonymous(false);
    },
    {
      onError: (err) => {
        const field = fieldOf(err, ['title', 'body']);
        if (field === 'title') {
          setErrors({ title: t('write.errors.titleInvalid') });
          titleRef.current?.focus();
        } else if (field === 'body' || isStatus(err, 422)) {
          setErrors({ body: field === 'body' ? t('write.errors.bodyInvalid') : errorText(t, err) });
          // With the crisis help shown, focus goes to the help instead.
          if (!supportOf(err)) bodyRef.current?.focus();
        } else return false;
        // Shown below the editor too: the text is kept, and (when not beside the field) why.
        return false;
      },
    },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    if (title.trim().length < 3) next.title = t('write.errors.titleShort');
    else if (title.trim().length > 150) next.title = t('write.errors.titleLong');
    if (!body.trim()) next.body = t('write.errors.bodyEmpty');
    setErrors(next);
    send.reset();
    if (next.title) return titleRef.current?.focus();
    if (next.body) return bodyRef.current?.focus();
    void send.run();
  }

  const guest = !user;
  return (
    <section aria-labelledby="new-thread-heading" className="section panel">
      <Heading level={2} id="new-thread-heading" data-size="sm">
        {t('category.newThread')}
      </Heading>
      {category.moderation === 'pre' || guest ? (
        <Paragraph className="muted">{guest ? t('write.guestNote') : t('write.preNote')}</Paragraph>
      ) : null}
      {created ? (
        <div className="mt-2">
          <WriteOutcomeView outcome={created} />
          {created.id && !guest ? (
            <Paragraph>
              <Link to={`/trad/${created.id}`} className="ds-link" data-testid="created-thread-link">
                {t('write.goToThread')}
              </Link>
            </Paragraph>
          ) : null}
          <Button variant="secondary" className="mt-2" onClick={() => setCreated(null)}>
            {t('write.writeAnother')}
          </Button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          {titleDraft.restored || bodyDraft.restored ? <DraftRestored /> : null}
          <Textfield
            label={t('write.title')}
            value={title}
            onChange={(e) => titleDraft.set(e.target.value)}
            error={errors.title}
            ref={titleRef as React.Ref<HTMLInputElement>}
            maxLength={150}
            name="title"
            autoComplete="off"
          />
          <MarkdownEditor
            label={t('write.body')}
            value={body}
            onChange={bodyDraft.set}
            error={errors.body}
            textareaRef={bodyRef}
            name="body"
            anonymous={anonymous || guest}
          />
          <WarningPicker value={warning} onChange={setWarning} />
          {category.canPostAnonymously ? (
            <Checkbox
              label={t('write.anonymous')}
              description={<AnonymousExplanation />}
              checked={anonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
              name="anonymous"
            />
          ) : null}
          {send.failure ? <NotSentAlert error={send.failure} reasonShown={!!(errors.title || errors.body)} /> : null}
          <div>
            <Button type="submit" disabled={send.busy} aria-busy={send.busy || undefined}>
              {t('write.publish')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

export default function CategoryPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const { data, error, loading, reload } = useApi<Category[]>('/api/categories');
  const category = useMemo(() => data?.find((c) => c.slug === slug), [data, slug]);
  const waiting = useWaitingThreads(slug);
  if (loading) return <Loading />;
  if (error) {
    return (
      <>
        <PageHeader title={t('category.title')} />
        <ErrorAlert error={error} retry={reload} />
      </>
    );
  }
  if (!category) return <NotFoundPage />;
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <Link to="/" className="ds-link">
          {t('nav.forum')}
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{category.name}</span>
      </nav>
      <PageHeader title={category.name} lead={category.description}>
        <CategoryTags category={category} />
      </PageHeader>
      {!category.canRead ? (
        <Alert data-color="info" className="block">
          <Paragraph>{t('category.closedInfo')}</Paragraph>
          <Paragraph className="mt-2">
            <Link to={user ? '/profil#panel' : '/registrer'} className="ds-link">
              {t('home.applyToJoin')}
            </Link>
          </Paragraph>
        </Alert>
      ) : (
        <>
          <section aria-labelledby="threads-heading" className="section">
            <Heading level={2} id="threads-heading" data-size="sm">
              {t('category.threads')}
            </Heading>
            <WaitingThreads items={waiting.items} />
            <ThreadList slug={category.slug} waiting={waiting.items.length} />
          </section>
          {category.canPost ? (
            <NewThreadForm category={category} onHeld={waiting.reload} />
          ) : user?.mute ? (
            <MutedNotice mute={user.mute} />
          ) : (
            <Alert data-color="info" className="block">
              <Paragraph>
                {user ? t('category.cannotPost') : t('category.loginToPost')}{' '}
                {!user ? (
                  <Link to={`/logg-inn?neste=${encodeURIComponent(`/kategori/${category.slug}`)}`} className="ds-link">
                    {t('nav.login')}
                  </Link>
                ) : null}
              </Paragraph>
            </Alert>
          )}
        </>
      )}
    </>
  );
}
