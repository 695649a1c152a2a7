import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportResource } from '../api/types';
import { HELPLINES } from '../lib/helplines';
import { useReveal } from './use-reveal';

export function HelplineList({ resources }: { resources?: SupportResource[] }) {
  const { t } = useTranslation();
  if (resources && resources.length > 0) {
    return (
      <ul className="helplines">
        {resources.map((r) => {
          const name = r.key ? t(`helplines.${r.key}.name`, { defaultValue: r.name }) : r.name;
          return (
            <li key={`${r.name}-${r.phone}`}>
              <span className="helpline-name">{name}</span>{' '}
              <Link
                href={`tel:${r.phone.replace(/\D/g, '')}`}
                className="helpline-phone"
                aria-label={t('helplines.call', { name, phone: r.phone })}
              >
                {r.phone}
              </Link>
            </li>
          );
        })}
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

/**
 * Shown to a writer whose words matched the crisis list (the `support` and `staffed` fields), after
 * sending or when the write was refused (`refused`: nothing was stored, so nobody will read it).
 * On screen and focused the moment it appears, and again whenever `revision` changes.
 */
export function CrisisSupport({
  resources,
  staffed,
  headingLevel = 2,
  refused = false,
  revision,
}: {
  resources?: SupportResource[];
  staffed?: boolean;
  headingLevel?: 2 | 3;
  refused?: boolean;
  revision?: unknown;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const duty = refused
    ? staffed
      ? t('safety.staffedRefused')
      : t('safety.notStaffedRefused')
    : staffed
      ? t('crisis.staffed')
      : t('crisis.notStaffed');
  useReveal(box, heading, `${t('crisis.heading')}. ${t('safety.helpShown')} ${duty}`, revision ?? resources);
  return (
    <Alert data-color="warning" className="block crisis-support" ref={box} data-testid="crisis-help">
      <Heading level={headingLevel} data-size="xs" tabIndex={-1} ref={heading} data-testid="crisis-help-heading">
        {t('crisis.heading')}
      </Heading>
      <Paragraph>{t('crisis.intro')}</Paragraph>
      <HelplineList resources={resources} />
      <Paragraph className="mt-2">{duty}</Paragraph>
    </Alert>
  );
}
