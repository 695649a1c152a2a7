import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMarkdown, splitTitle } from '../lib/markdown';
import { useApi } from '../lib/use-api';
import { ErrorAlert, Loading } from './feedback';

/** The guidelines or privacy notice from the API, in the current language. */
export function useLegalText(path: '/api/guidelines' | '/api/privacy') {
  const { i18n } = useTranslation();
  const state = useApi<{ nb: string; en: string }>(path);
  const source = state.data ? (i18n.language === 'en' ? state.data.en : state.data.nb) : '';
  const parsed = useMemo(() => {
    const { title, body } = splitTitle(source);
    return { title, html: renderMarkdown(body) };
  }, [source]);
  return { ...state, ...parsed };
}

export function LegalBody({
  html,
  loading,
  error,
  reload,
}: {
  html: string;
  loading: boolean;
  error: unknown;
  reload(): void;
}) {
  if (loading) return <Loading />;
  if (error) return <ErrorAlert error={error} retry={reload} announce={false} />;
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
