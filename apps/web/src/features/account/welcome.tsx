import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../session';

/** Set by the registration page when it sends the new member home. */
export const WELCOME_STATE = { welcome: true } as const;

/**
 * A visible welcome right after registering, with the first places to go; it takes focus so a
 * screen reader reads it, and goes away on dismissal or the next page.
 */
export function Welcome() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);
  const show = (location.state as { welcome?: boolean } | null)?.welcome === true && user !== null;
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show]);
  if (!show) return null;
  return (
    <Alert data-color="success" className="block welcome" data-testid="welcome" ref={ref} tabIndex={-1}>
      <Heading level={2} data-size="xs">
        {t('welcome.heading', { name: user.displayName || user.username })}
      </Heading>
      <Paragraph>{t('welcome.text')}</Paragraph>
      <ul className="welcome-steps">
        <li>
          <Link to="/kategori/velkommen" className="ds-link">
            {t('welcome.introduce')}
          </Link>
        </li>
        <li>
          <Link to="/profil" className="ds-link">
            {t('welcome.profile')}
          </Link>
        </li>
        <li>
          <Link to="/retningslinjer" className="ds-link">
            {t('welcome.guidelines')}
          </Link>
        </li>
      </ul>
      <Button
        variant="tertiary"
        data-size="sm"
        className="mt-2"
        onClick={() => navigate('.', { replace: true, state: null })}
      >
        {t('welcome.dismiss')}
      </Button>
    </Alert>
  );
}
