import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Author } from '../api/types';

/**
 * An author as the API gives it. Anonymous and guest authors show their alias and a marker, never
 * anything else; a deleted account shows as such.
 */
export function AuthorName({ author, showRole = true }: { author: Author; showRole?: boolean }) {
  const { t } = useTranslation();
  switch (author.kind) {
    case 'user':
      return (
        <span className="author">
          <span className="author-name">{author.displayName || author.username}</span>
          {showRole && author.role !== 'member' && author.role !== 'panel' ? (
            <Tag data-size="sm" data-color="brand1" className="author-tag">
              {t(`roles.${author.role}`)}
            </Tag>
          ) : null}
        </span>
      );
    case 'anonymous':
    case 'guest': {
      // "Anonym 2" and "Gjest 1" say what they are; in another language the marker says it.
      const marker = t(author.kind === 'anonymous' ? 'author.anonymous' : 'author.guest');
      return (
        <span className="author">
          <span className="author-name">{author.alias}</span>
          {author.alias.toLowerCase().startsWith(marker.toLowerCase()) ? null : (
            <Tag data-size="sm" data-color="neutral" className="author-tag">
              {marker}
            </Tag>
          )}
        </span>
      );
    }
    default:
      return <span className="author author-deleted">{t('author.deleted')}</span>;
  }
}

/** Plain-text version, for aria-labels and announcements. */
export function authorText(author: Author, t: (key: string) => string): string {
  if (author.kind === 'user') return author.displayName || author.username;
  if (author.kind === 'anonymous' || author.kind === 'guest') return author.alias;
  return t('author.deleted');
}
