import { Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HsdsServiceSummary } from '../../api/types';
import { useApi } from '../../lib/use-api';
import type { HsdsTaxonomyTermPage } from '../../api/types';

/** Municipalities by number (kommunenummer) that the directory started with; others show their number. */
export const MUNICIPALITIES: Record<string, string> = {
  '4601': 'Bergen',
  '4626': 'Øygarden',
  '4627': 'Askøy',
  '4631': 'Alver',
};

export function useMunicipalityName() {
  const { t } = useTranslation();
  return (code: string) => MUNICIPALITIES[code] ?? t('directory.municipalityCode', { code });
}

/** The activity types, as the feed lists them. */
export function useTerms() {
  return useApi<HsdsTaxonomyTermPage>('/api/hsds/taxonomy_terms');
}

/** An offer's activity types, in the reader's language. */
export function TypeTags({ service }: { service: HsdsServiceSummary }) {
  const { i18n } = useTranslation();
  if (service.attributes.length === 0) return null;
  return (
    <p className="tags">
      {service.attributes.map((a) => (
        <Tag key={a.id} data-size="sm" data-color="info">
          {i18n.language === 'en' ? a.taxonomy_term.x_name_en : a.taxonomy_term.name}
        </Tag>
      ))}
    </p>
  );
}

/** Open, closed for now, or not running; and whether it is long since anyone checked. */
export function StatusTags({ service }: { service: HsdsServiceSummary }) {
  const { t } = useTranslation();
  return (
    <>
      {service.status === 'temporarily closed' ? (
        <Tag data-size="sm" data-color="warning">
          {t('directory.closed')}
        </Tag>
      ) : service.status === 'inactive' ? (
        <Tag data-size="sm" data-color="neutral">
          {t('directory.inactive')}
        </Tag>
      ) : null}
    </>
  );
}

/** "4 December 2026", or "Not checked yet", in the reader's language. */
export function checkedDate(service: HsdsServiceSummary, t: TFunction, lang: string) {
  if (!service.assured_date) return t('directory.neverChecked');
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${service.assured_date}T12:00:00Z`),
  );
}

/** "Last checked 4 December 2026". */
export function checkedText(service: HsdsServiceSummary, t: TFunction, lang: string) {
  return service.assured_date
    ? t('directory.checkedOn', { date: checkedDate(service, t, lang) })
    : t('directory.neverChecked');
}
