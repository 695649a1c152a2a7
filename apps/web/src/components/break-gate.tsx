import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client';
import { formatDateTime } from '../lib/format';
import { breakUntil, setLocalBreak } from '../lib/pause';
import { useSubmit } from '../lib/use-submit';
import { useSession } from '../session';
import { ErrorAlert } from './feedback';
import { PageHeader } from './page-header';

/** While a user's chosen break runs, the forum and café stay out of sight for them. */
export function BreakGate({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, refresh } = useSession();
  const [, force] = useState(0);
  const end = useSubmit(async (userId: string) => {
    try {
      await api.delete('/api/me/break');
    } catch (err) {
      // A server without breaks (404): the break was kept on this device only.
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
    setLocalBreak(userId, null);
    await refresh();
    force((n) => n + 1);
  });
  const until = breakUntil(user);
  if (!user || !until) return <>{children}</>;
  return (
    <>
      <PageHeader title={t('pause.activeTitle')} />
      <Alert data-color="info" className="block" data-testid="break-active">
        <Heading level={2} data-size="xs">
          {t('pause.activeHeading', { until: formatDateTime(until.toISOString(), i18n.language) })}
        </Heading>
        <Paragraph>{t('pause.activeText')}</Paragraph>
      </Alert>
      <Paragraph>
        <Link to="/hjelp" className="ds-link">
          {t('help.seeHelplines')}
        </Link>
      </Paragraph>
      <Button variant="secondary" className="mt-4" disabled={end.busy} onClick={() => void end.run(user.id)}>
        {t('pause.end')}
      </Button>
      {end.failure ? <ErrorAlert error={end.failure} /> : null}
    </>
  );
}
