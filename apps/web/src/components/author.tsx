import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Author } from '../api/types';

/** A person's outline drawn in dashes: someone who wrote without their name. */
function UnnamedIcon() {
  return (
    <svg
      className="author-unnamed-icon"
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="8" cy="5" r="3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray="2 1.5" />
      <path
        d="M2.5 14.5c0-3 2.5-5 5.5-5s5.5 2 5.5 5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeDasharray="2 1.5"
      />
    </svg>
  );
}

/**
 * An author as the API gives it. Anonymous and guest authors show their alias and always a marker
 * ("anonym", "gjest") no chosen name can imitate (decision 0039), never anything else; a deleted
 * account shows as such.
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
      // Always marked, so no chosen name can look like an anonymous writer or a guest.
      const kind = author.kind;
      return (
        <span className="author">
          <span className="author-name">{author.alias}</span>
          <Tag
            data-size="sm"
            data-color="neutral"
            className="author-tag author-unnamed"
            title={t(`author.${kind}Hint`)}
          >
            <UnnamedIcon />
            {t(`author.${kind}Tag`)}
          </Tag>
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
  if (author.kind === 'anonymous' || author.kind === 'guest')
    return `${author.alias} (${t(`author.${author.kind}Tag`)})`;
  return t('author.deleted');
}
