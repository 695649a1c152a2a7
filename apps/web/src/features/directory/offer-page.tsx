import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HsdsService } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { isStatus } from '../../lib/errors';
import { useApi } from '../../lib/use-api';
import { checkedDate, StatusTags, TypeTags, useMunicipalityName } from './common';
import { ModTools } from './mod-tools';

/** One offer: when, where, cost, accessibility, contact, and when someone last checked it. */
export default function OfferPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const municipalityName = useMunicipalityName();
  const {
    data: s,
    error,
    loading,
    reload,
    setData,
  } = useApi<HsdsService>(`/api/hsds/services/${encodeURIComponent(id)}`);
  if (loading) return <Loading />;
  if (error)
    return isStatus(error, 400, 404) ? (
      <div className="narrow">
        <Alert data-color="info">
          <Paragraph>{t('directory.notFound')}</Paragraph>
        </Alert>
        <Paragraph className="mt-2">
          <Link to="/aktiviteter" className="ds-link">
            {t('directory.back')}
          </Link>
        </Paragraph>
      </div>
    ) : (
      <ErrorAlert error={error} retry={reload} />
    );
  if (!s) return null;
  const places = s.service_at_locations.map((sal) => sal.location);
  const timed = s.schedules.some((x) => x.freq && x.opens_at);
  return (
    <div className="narrow">
      <PageHeader title={s.name} lead={t('directory.by', { org: s.organization.name })}>
        <TypeTags service={s} />
        <StatusTags service={s} />
      </PageHeader>
      {s.alert ? (
        <Alert data-color="warning" className="block">
          <Paragraph>{s.alert}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph className="pre-line">{s.description}</Paragraph>
      <dl className="facts section">
        {s.schedules.length ? (
          <>
            <dt>{t('directory.when')}</dt>
            <dd>
              {s.schedules.map((x) => (
                <div key={x.id}>{x.description}</div>
              ))}
              {timed ? (
                <a href={`/api/hsds/services/${s.id}.ics`} className="ds-link" download>
                  {t('directory.calendar')}
                </a>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{t('directory.where')}</dt>
        <dd>
          {places.map((l) => (
            <div key={l.id}>
              {l.name ? <div>{l.name}</div> : null}
              {l.addresses.map((a) => (
                <div key={a.id}>
                  {a.address_1}, {a.postal_code} {a.city}
                </div>
              ))}
            </div>
          ))}
          <div>{municipalityName(s.x_municipality_code)}</div>
        </dd>
        {places.some((l) => l.transportation) ? (
          <>
            <dt>{t('directory.transport')}</dt>
            <dd>
              {places
                .map((l) => l.transportation)
                .filter(Boolean)
                .join(' ')}
            </dd>
          </>
        ) : null}
        {places.some((l) => l.accessibility.length) ? (
          <>
            <dt>{t('directory.accessibility')}</dt>
            <dd>{places.flatMap((l) => l.accessibility.map((a) => a.description)).join(' ')}</dd>
          </>
        ) : null}
        {s.fees_description || s.cost_options.length ? (
          <>
            <dt>{t('directory.cost')}</dt>
            <dd>
              {s.fees_description ??
                s.cost_options.map((c) => c.amount_description ?? `${c.amount} ${c.currency}`).join(', ')}
            </dd>
          </>
        ) : null}
        {s.phones.length || s.contacts.length || s.url ? (
          <>
            <dt>{t('directory.contact')}</dt>
            <dd>
              {s.phones.map((p) => (
                <div key={p.id}>
                  <a href={`tel:${p.number.replace(/[^+0-9]/g, '')}`} className="ds-link">
                    {p.number}
                  </a>
                </div>
              ))}
              {s.contacts.map((c) =>
                c.email ? (
                  <div key={c.id}>
                    <a href={`mailto:${c.email}`} className="ds-link">
                      {c.email}
                    </a>
                  </div>
                ) : null,
              )}
              {s.url ? (
                <div>
                  <a href={s.url} className="ds-link" rel="noopener noreferrer" target="_blank">
                    {t('directory.website')}
                  </a>
                </div>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{t('directory.checked')}</dt>
        <dd data-testid="directory-checked">{checkedDate(s, t, i18n.language)}</dd>
      </dl>
      {s.x_stale ? (
        <Alert data-color="info" className="block">
          <Paragraph>{t('directory.stale')}</Paragraph>
        </Alert>
      ) : null}
      <Heading level={2} data-size="xs" className="mt-4">
        <Link to={`/aktiviteter/foreslaa?rett=${s.id}`} className="ds-link">
          {t('directory.reportError')}
        </Link>
      </Heading>
      {s.x_can_moderate ? <ModTools service={s} onChange={(next) => setData(next)} /> : null}
      <Paragraph className="mt-4">
        <Link to="/aktiviteter" className="ds-link">
          {t('directory.back')}
        </Link>
      </Paragraph>
    </div>
  );
}
