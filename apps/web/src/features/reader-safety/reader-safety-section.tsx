import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FiltersForm } from './filters-form';
import { IgnoreList } from './ignore-list';

/** The profile's section "What you'd rather not see": filters and the ignore list. */
export function ReaderSafetySection() {
  const { t } = useTranslation();
  return (
    <section id="filtre" aria-labelledby="filtre-h" className="section panel">
      <Heading level={2} id="filtre-h" data-size="sm">
        {t('readerSafety.section')}
      </Heading>
      <Heading level={3} data-size="xs">
        {t('readerSafety.filters.heading')}
      </Heading>
      <FiltersForm />
      <Heading level={3} data-size="xs" className="mt-4">
        {t('readerSafety.ignore.heading')}
      </Heading>
      <IgnoreList />
    </section>
  );
}
