import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '#libs/contracts';
import { useSession } from '../session';
import { Loading } from './feedback';
import { PageHeader } from './page-header';

/** Renders children only for a logged-in user with at least `role`; otherwise says why, calmly. */
export function RequireRole({
  minRole = 'member',
  title,
  children,
}: {
  minRole?: Role;
  title: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { user, loading, can } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search + location.hash);
    return (
      <>
        <PageHeader title={title} />
        <Alert data-color="info" className="block">
          <Paragraph>{t('guard.loginNeeded')}</Paragraph>
          <Paragraph className="mt-2">
            <Link to={`/logg-inn?neste=${next}`} className="ds-link">
              {t('guard.login')}
            </Link>
          </Paragraph>
        </Alert>
      </>
    );
  }
  if (!can(minRole)) {
    return (
      <>
        <PageHeader title={title} />
        <Alert data-color="info" className="block">
          <Paragraph>{t('guard.noAccess')}</Paragraph>
        </Alert>
      </>
    );
  }
  return <>{children}</>;
}
