import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let firstPage = true;

/**
 * The page's h1 and document title. After an in-app navigation focus moves to the heading, so a
 * screen reader user hears where they arrived (the first page load keeps the browser's own focus).
 */
export function PageHeader({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="page-header">
      <Heading level={1} data-size="lg" ref={ref} tabIndex={-1}>
        {title}
      </Heading>
      {lead ? (
        <Paragraph data-size="lg" className="lead">
          {lead}
        </Paragraph>
      ) : null}
      {children}
    </div>
  );
}
