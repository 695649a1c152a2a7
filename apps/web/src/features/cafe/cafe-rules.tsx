import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalText } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { useApi } from '../../lib/use-api';

/**
 * The rules a participant accepts, as the server states them (GET /api/cafe/rules). The Markdown
 * renderer is loaded after the form is on screen, so a slow connection can start typing a nickname.
 */
export function CafeRules() {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useApi<LegalText>('/api/cafe/rules');
  const [html, setHtml] = useState<string | null>(null);
  const source = data ? (i18n.language === 'en' ? data.en : data.nb) : null;
  useEffect(() => {
    if (source === null) return;
    let live = true;
    void import('../../lib/markdown').then(({ renderMarkdown, splitTitle }) => {
      if (live) setHtml(renderMarkdown(splitTitle(source).body));
    });
    return () => {
      live = false;
    };
  }, [source]);
  return (
    <section aria-labelledby="cafe-rules-h" className="rules" data-testid="cafe-rules">
      <Heading level={3} id="cafe-rules-h" data-size="2xs">
        {t('chat.rulesHeading')}
      </Heading>
      {error ? (
        <ErrorAlert error={error} retry={reload} announce={false} />
      ) : html === null ? (
        <Loading />
      ) : (
        <div className="prose rules-text" dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </section>
  );
}
