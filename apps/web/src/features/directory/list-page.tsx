import { Button, Card, Field, Heading, Input, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { HsdsServicePage, HsdsServiceSummary } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useApi } from '../../lib/use-api';
import { useSession } from '../../session';
import { useSubmit } from '../../lib/use-submit';
import { MUNICIPALITIES, StatusTags, TypeTags, useMunicipalityName, useTerms } from './common';

const PER_PAGE = 20;

function query(params: URLSearchParams, page: number): string {
  const q = new URLSearchParams({ per_page: String(PER_PAGE), page: String(page) });
  const search = params.get('q');
  const municipality = params.get('kommune');
  const type = params.get('type');
  if (search) q.set('search', search);
  if (municipality) q.set('municipality', municipality);
  if (type) q.set('taxonomy_term_id', type);
  return `/api/hsds/services?${q}`;
}

function OfferCard({ service: s }: { service: HsdsServiceSummary }) {
  const { t } = useTranslation();
  const municipalityName = useMunicipalityName();
  return (
    <Card data-color="neutral">
      <Heading level={2} data-size="xs">
        <Link to={`/aktiviteter/${s.id}`} className="ds-link">
          {s.name}
        </Link>
      </Heading>
      <Paragraph data-size="sm">{t('directory.by', { org: s.organization.name })}</Paragraph>
      <TypeTags service={s} />
      <dl className="facts">
        {s.schedules.length ? (
          <>
            <dt>{t('directory.when')}</dt>
            <dd>{s.schedules.map((x) => x.description).join('; ')}</dd>
          </>
        ) : null}
        <dt>{t('directory.where')}</dt>
        <dd>{[s.x_place, municipalityName(s.x_municipality_code)].filter(Boolean).join(', ')}</dd>
        {s.fees_description ? (
          <>
            <dt>{t('directory.cost')}</dt>
            <dd>{s.fees_description}</dd>
          </>
        ) : null}
      </dl>
      <StatusTags service={s} />
    </Card>
  );
}

/** One search's results, with "show more"; keyed by the filters, so new filters start over. */
function Results({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const first = useApi<HsdsServicePage>(query(params, 1));
  const [more, setMore] = useState<HsdsServiceSummary[]>([]);
  const [page, setPage] = useState(1);
  const next = useSubmit(async () => {
    const res = await api.get<HsdsServicePage>(query(params, page + 1));
    setMore((m) => [...m, ...res.contents]);
    setPage(page + 1);
  });
  const data = first.data;
  const items = [...(data?.contents ?? []), ...more];
  const lastPage = data ? page >= data.total_pages : true;
  return (
    <>
      {first.loading ? <Loading /> : first.error ? <ErrorAlert error={first.error} retry={first.reload} /> : null}
      {data ? (
        <Paragraph aria-live="polite" data-testid="directory-count">
          {t('directory.count', { count: data.total_items })}
        </Paragraph>
      ) : null}
      {data && items.length === 0 ? <Paragraph>{t('directory.none')}</Paragraph> : null}
      <ul className="card-list" data-testid="directory-list">
        {items.map((s) => (
          <li key={s.id}>
            <OfferCard service={s} />
          </li>
        ))}
      </ul>
      {next.failure ? <ErrorAlert error={next.failure} /> : null}
      {!lastPage ? (
        <Button variant="secondary" onClick={() => void next.run()} disabled={next.busy}>
          {t('directory.more')}
        </Button>
      ) : null}
    </>
  );
}

export default function DirectoryListPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const terms = useTerms();
  const set = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set('q', search.trim());
  };

  return (
    <div className="narrow">
      <PageHeader title={t('directory.title')} lead={t('directory.lead')} />
      <p className="button-row">
        <Link to="/aktiviteter/foreslaa" className="ds-link">
          {t('directory.suggest')}
        </Link>
        {can('moderator') ? (
          <Link to="/aktiviteter/sjekk" className="ds-link" data-testid="directory-recheck-link">
            {t('directory.mod.recheck')}
          </Link>
        ) : null}
      </p>
      <search>
        <form onSubmit={submit} className="form directory-filters">
          <div className="search-form">
            <Field className="grow">
              <Label>{t('directory.search')}</Label>
              <Input
                type="search"
                name="q"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                maxLength={100}
              />
              <Field.Description>{t('directory.searchHint')}</Field.Description>
            </Field>
            <Button type="submit">{t('directory.search')}</Button>
          </div>
          <div className="ds-field-like">
            <label htmlFor="directory-municipality" className="ds-label">
              {t('directory.municipality')}
            </label>
            <Select
              id="directory-municipality"
              value={params.get('kommune') ?? ''}
              onChange={(e) => set('kommune', e.target.value)}
            >
              <Select.Option value="">{t('directory.allMunicipalities')}</Select.Option>
              {Object.entries(MUNICIPALITIES).map(([code, name]) => (
                <Select.Option key={code} value={code}>
                  {name}
                </Select.Option>
              ))}
            </Select>
          </div>
          <div className="ds-field-like">
            <label htmlFor="directory-type" className="ds-label">
              {t('directory.type')}
            </label>
            <Select id="directory-type" value={params.get('type') ?? ''} onChange={(e) => set('type', e.target.value)}>
              <Select.Option value="">{t('directory.allTypes')}</Select.Option>
              {terms.data?.contents.map((term) => (
                <Select.Option key={term.id} value={term.code}>
                  {i18n.language === 'en' ? term.x_name_en : term.name}
                </Select.Option>
              ))}
            </Select>
          </div>
        </form>
      </search>
      <Results key={params.toString()} params={params} />
    </div>
  );
}
