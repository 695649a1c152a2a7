import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client';
import { formatDateTime } from '../lib/format';
import { breakUntil, setLocalBreak } from '../lib/pause';
import { useSession } from '../session';
import { ErrorAlert } from './feedback';
import { PageHeader } from './page-header';

/** While a user's chosen break runs, the forum and café stay out of sight for them. */
export function BreakGate({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, refresh } = useSession();
  const [failure, setFailure] = useState<unknown>();
  const [, force] = useState(0);
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
      <Button
        variant="secondary"
        className="mt-4"
        onClick={async () => {
          setFailure(undefined);
          try {
            await api.delete('/api/me/break');
          } catch (err) {
            if (!(err instanceof ApiError && err.status === 404)) {
              setFailure(err);
              return;
            }
          }
          setLocalBreak(user.id, null);
          await refresh();
          force((n) => n + 1);
        }}
      >
        {t('pause.end')}
      </Button>
      {failure ? <ErrorAlert error={failure} /> : null}
    </>
  );
}
