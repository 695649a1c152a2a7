import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SupportResource } from '../api/types';
import { HELPLINES } from '../lib/helplines';

export function HelplineList({ resources }: { resources?: SupportResource[] }) {
  const { t } = useTranslation();
  if (resources && resources.length > 0) {
    return (
      <ul className="helplines">
        {resources.map((r) => (
          <li key={`${r.name}-${r.phone}`}>
            <span className="helpline-name">{r.name}</span>{' '}
            <Link href={`tel:${r.phone.replace(/\s+/g, '')}`} className="helpline-phone">
              {r.phone}
            </Link>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="helplines">
      {HELPLINES.map((h) => (
        <li key={h.key}>
          <span className="helpline-name">{t(`helplines.${h.key}.name`)}</span>{' '}
          <Link
            href={`tel:${h.tel}`}
            className="helpline-phone"
            aria-label={t('helplines.call', { name: t(`helplines.${h.key}.name`), phone: h.phone })}
          >
            {h.phone}
          </Link>
          <span className="helpline-when">{t(`helplines.${h.key}.when`)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Shown to a writer whose words matched the crisis list (the `support` and `staffed` fields). */
export function CrisisSupport({
  resources,
  staffed,
  headingLevel = 2,
}: {
  resources?: SupportResource[];
  staffed?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  return (
    <Alert data-color="warning" className="block crisis-support" role="alert">
      <Heading level={headingLevel} data-size="xs">
        {t('crisis.heading')}
      </Heading>
      <Paragraph>{t('crisis.intro')}</Paragraph>
      <HelplineList resources={resources} />
      <Paragraph className="mt-2">{staffed ? t('crisis.staffed') : t('crisis.notStaffed')}</Paragraph>
    </Alert>
  );
}
