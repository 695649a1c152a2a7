import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AdminPanelApplication, Page } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';

export function Applications() {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const { data, error, loading, reload } = useApi<Page<AdminPanelApplication>>(
    '/api/admin/panel/applications?status=pending&limit=50',
  );
  const list = data?.items ?? [];
  const decide = useSubmit(async (a: AdminPanelApplication, action: 'approve' | 'reject', name: string) => {
    await api.post(`/api/admin/panel/applications/${a.id}/${action}`);
    say(
      action === 'approve'
        ? t('admin.applications.approvedMsg', { name })
        : t('admin.applications.rejectedMsg', { name }),
    );
    reload();
  });
  if (loading) return <Loading />;
  if (error) return <ErrorAlert error={error} retry={reload} announce={false} />;
  if (list.length === 0) return <Paragraph>{t('admin.applications.none')}</Paragraph>;
  return (
    <>
      <ul className="admin-list">
        {list.map((a) => {
          const name = a.applicant.displayName || a.applicant.username;
          return (
            <li key={a.id}>
              <Card data-color="neutral">
                <Heading level={3} data-size="2xs">
                  {name}
                </Heading>
                <Paragraph data-size="sm" className="muted">
                  {formatDateTime(a.createdAt, i18n.language)}
                  {` · ${t(`admin.applications.status.${a.status}`, { defaultValue: a.status })}`}
                </Paragraph>
                <Paragraph>{a.motivation}</Paragraph>
                {a.status === 'pending' ? (
                  <div className="button-row mt-2">
                    {(['approve', 'reject'] as const).map((action) => (
                      <Button
                        key={action}
                        variant={action === 'approve' ? 'primary' : 'secondary'}
                        data-size="sm"
                        disabled={decide.busy}
                        onClick={() => void decide.run(a, action, name)}
                      >
                        {t(`admin.applications.${action}`)} <span className="ds-sr-only">{name}</span>
                      </Button>
                    ))}
                  </div>
                ) : null}
              </Card>
            </li>
          );
        })}
      </ul>
      {decide.failure ? <ErrorAlert error={decide.failure} /> : null}
    </>
  );
}
