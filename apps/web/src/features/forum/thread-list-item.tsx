import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ThreadSummary } from '../../api/types';
import { AuthorName } from '../../components/author';
import { formatDateTime } from '../../lib/format';
import { Folded, WarningTag } from '../reader-safety/folded';

/** One thread in a list: its title (folded where the reader's filters fold it), tags and activity. */
export function ThreadListItem({ thread: th }: { thread: ThreadSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="thread-item" data-list-item tabIndex={-1} data-testid="thread-item">
      <Folded collapsed={th.collapsed}>
        <div className="thread-title-row">
          <Link to={`/trad/${th.id}`} className="ds-link thread-title">
            {th.title}
          </Link>
          {th.pinned ? (
            <Tag data-size="sm" data-color="accent">
              {t('thread.pinned')}
            </Tag>
          ) : null}
          {th.locked ? (
            <Tag data-size="sm" data-color="neutral">
              {t('thread.locked')}
            </Tag>
          ) : null}
          <WarningTag code={th.contentWarning} />
        </div>
      </Folded>
      <div className="meta">
        <AuthorName author={th.author} />
        <span>{formatDateTime(th.createdAt, i18n.language)}</span>
        <span>{th.replyCount > 0 ? t('thread.replies', { count: th.replyCount }) : t('thread.noReplies')}</span>
        {th.replyCount > 0 ? (
          <span>{t('thread.lastActivity', { time: formatDateTime(th.lastPostAt, i18n.language) })}</span>
        ) : null}
      </div>
    </li>
  );
}
