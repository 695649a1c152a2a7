import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { PanelApplication as Application } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { useSession } from '../../session';

/** Asking to join the panel, and what became of the last application. */
export function PanelApplication() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const mine = useApi<Application[]>(user?.role === 'member' ? '/api/panel/applications/mine' : null);
  const [motivation, setMotivation] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLTextAreaElement>(null);
  const apply = useSubmit(
    async () => {
      const created = await api.post<Application>('/api/panel/applications', { motivation: motivation.trim() });
      mine.setData((list) => [created, ...(list ?? [])]);
    },
    {
      // Already applied (from another tab): show what is there.
      onError: (err) => {
        if (!(err instanceof ApiError && err.status === 409)) return false;
        mine.reload();
        return true;
      },
    },
  );
  if (user && user.role !== 'member')
    return (
      <Paragraph>
        {t('panel.alreadyMember')}{' '}
        <Link to="/panelet/mine" className="ds-link">
          {t('pool.about.yourPage')}
        </Link>
      </Paragraph>
    );
  if (mine.loading) return <Loading />;
  const latest = mine.data?.[0];
  if (latest?.status === 'pending') {
    return (
      <Alert data-color="info" className="block" data-testid="application-pending">
        <Paragraph>{t('panel.pending', { date: formatDateTime(latest.createdAt, i18n.language) })}</Paragraph>
      </Alert>
    );
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    apply.reset();
    if (motivation.trim().length < 10) {
      setError(t('panel.errors.motivation'));
      ref.current?.focus();
      return;
    }
    setError(undefined);
    void apply.run();
  }
  return (
    <>
      {latest?.status === 'rejected' ? (
        <Alert data-color="warning" className="block" data-testid="application-rejected">
          <Paragraph>
            {latest.decisionReason ? t('panel.rejectedReason', { reason: latest.decisionReason }) : t('panel.rejected')}
          </Paragraph>
          <Paragraph className="mt-2">{t('panel.applyAgain')}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <Paragraph>{t('panel.intro')}</Paragraph>
        <Textfield
          multiline
          rows={4}
          label={t('panel.motivation')}
          description={t('panel.motivationHelp')}
          value={motivation}
          onChange={(e) => setMotivation(e.target.value)}
          error={error}
          ref={ref as React.Ref<HTMLTextAreaElement>}
          maxLength={2000}
        />
        {apply.failure ? <ErrorAlert error={apply.failure} /> : null}
        <div>
          <Button type="submit" variant="secondary" disabled={apply.busy}>
            {t('panel.apply')}
          </Button>
        </div>
      </form>
    </>
  );
}
