import { useTranslation } from 'react-i18next';

/** Links to a long page's sections, by their ids. */
export function TableOfContents({ sections }: { sections: readonly { id: string; title: string }[] }) {
  const { t } = useTranslation();
  return (
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
  );
}
