import { Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { Fragment, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SearchHit } from '../api/types';
import { AuthorName } from '../components/author';
import { ErrorAlert, Loading } from '../components/feedback';
import { LoadMoreButton, useFocusFirstNew, usePaged } from '../components/load-more';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../lib/format';
import { Folded, WarningTag } from '../features/reader-safety/folded';

/**
 * The server marks matches in a snippet with <mark> or <b>; everything else in it is text. It is
 * turned into React nodes, never into HTML.
 */
function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function highlight(snippet: string): ReactNode[] {
  const parts = snippet.split(/(<\/?(?:mark|b|strong|em)>)/i);
  const out: ReactNode[] = [];
  let marked = false;
  parts.forEach((part, i) => {
    if (/^<(mark|b|strong|em)>$/i.test(part)) marked = true;
    else if (/^<\/(mark|b|strong|em)>$/i.test(part)) marked = false;
    else if (part) out.push(marked ? <mark key={i}>{decode(part)}</mark> : <Fragment key={i}>{decode(part)}</Fragment>);
  });
  return out;
}

function Results({ q }: { q: string }) {
  const { t, i18n } = useTranslation();
  const paged = usePaged<SearchHit & { id?: string }>(`/api/search?q=${encodeURIComponent(q)}`);
  const listRef = useRef<HTMLOListElement>(null);
  useFocusFirstNew(paged.firstNew, listRef);
  if (paged.loading) return <Loading label={t('search.searching')} />;
  if (paged.error && paged.items.length === 0) return <ErrorAlert error={paged.error} retry={paged.reload} />;
  return (
    <section aria-labelledby="results-heading" className="section">
      <Heading level={2} id="results-heading" data-size="sm" aria-live="polite">
        {paged.items.length === 0
          ? t('search.none', { q })
          : t('search.results', { q, count: paged.items.length, more: paged.hasMore ? '+' : '' })}
      </Heading>
      <ol className="search-results" ref={listRef}>
        {paged.items.map((hit) => (
          <li key={hit.postId} className="search-hit" data-list-item tabIndex={-1}>
            <Link to={`/trad/${hit.threadId}#post-${hit.postId}`} className="ds-link thread-title">
              {hit.title}
            </Link>
            <WarningTag code={hit.contentWarning} />
            <Folded collapsed={hit.collapsed}>
              <Paragraph data-size="sm" className="snippet">
                {highlight(hit.snippet)}
              </Paragraph>
            </Folded>
            <div className="meta">
              <AuthorName author={hit.author} />
              <span>{formatDateTime(hit.createdAt, i18n.language)}</span>
            </div>
          </li>
        ))}
      </ol>
      {paged.hasMore ? <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} /> : null}
    </section>
  );
}

export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = text.trim();
    setParams(value ? { q: value } : {});
  }

  return (
    <>
      <PageHeader title={t('search.title')} lead={t('search.lead')} />
      <search>
        <form onSubmit={submit} className="search-form">
          <Field className="grow">
            <Label>{t('search.label')}</Label>
            <Input type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
          </Field>
          <Button type="submit">{t('search.submit')}</Button>
        </form>
      </search>
      {q ? <Results key={q} q={q} /> : null}
    </>
  );
}
