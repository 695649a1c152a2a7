import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyPost } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { LoadMoreButton, usePaged } from '../../components/load-more';
import { RejectionReason, StatusTag } from '../../components/post-status';
import { formatDateTime } from '../../lib/format';

/** The caller's own posts, anonymous ones marked as theirs (to them only). */
export function MyPosts() {
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
