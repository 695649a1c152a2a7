import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Category, Thread } from '../api/types';
import { AuthorName } from '../components/author';
import { ErrorAlert, Loading } from '../components/feedback';
import { LoadMoreButton, useFocusFirstNew } from '../components/load-more';
import { MutedNotice } from '../components/muted-notice';
import { PageHeader } from '../components/page-header';
import { StatusTag } from '../components/post-status';
import { ModTools } from '../features/thread/mod-tools';
import { PostItem } from '../features/thread/post-item';
import { ReplyForm } from '../features/thread/reply-form';
import { useThreadPosts } from '../features/thread/use-thread-posts';
import { isStatus } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/use-api';
import { useSession } from '../session';
import NotFoundPage from './not-found';

/**
 * A thread and its posts. What the reader may do (reply, moderate, edit a post, …) is what the
 * thread and its posts say (`canReply`, `canModerate`, `post.canEdit`, …): the server's policy.
 */
export default function ThreadPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const { data, error, loading, reload, setData } = useApi<Thread>(`/api/threads/${encodeURIComponent(id)}`);
  const { data: categories } = useApi<Category[]>('/api/categories');
  const list = useThreadPosts(data);
  const listRef = useRef<HTMLOListElement>(null);
  useFocusFirstNew(list.firstNew, listRef);
  const category = useMemo(() => categories?.find((c) => c.slug === data?.category.slug), [categories, data]);

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
      {thread.canModerate ? <ModTools thread={thread} onChange={setData} /> : null}
      <section aria-labelledby="posts-heading" className="section">
        <Heading level={2} id="posts-heading" className="ds-sr-only">
          {t('thread.posts')}
        </Heading>
        <ol className="post-list" ref={listRef} data-testid="post-list">
          {list.posts.map((p) => (
            <li key={p.id}>
              <PostItem post={p} onChange={list.update} />
            </li>
          ))}
        </ol>
        {list.hasMore ? (
          <LoadMoreButton onClick={() => void list.more.run()} loading={list.more.busy} label={t('thread.morePosts')} />
        ) : null}
        {list.more.failure ? <ErrorAlert error={list.more.failure} /> : null}
      </section>
      {thread.locked ? (
        <Alert data-color="info" className="block" data-testid="thread-locked">
          <Paragraph>{thread.canReply ? t('thread.lockedModerator') : t('errors.codes.locked')}</Paragraph>
        </Alert>
      ) : null}
      {thread.canReply ? (
        <ReplyForm thread={thread} category={category} onPosted={list.append} />
      ) : user?.mute && !thread.locked ? (
        <MutedNotice mute={user.mute} />
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
