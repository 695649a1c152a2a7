import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { HsdsServicePage } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { checkedText } from './common';

/** The moderators' re-check list: offers not checked for 180 days, the longest first. */
export default function RecheckPage() {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const { data, error, loading, reload } = useApi<HsdsServicePage>('/api/directory/stale');
  const verify = useSubmit(async (id: string) => {
    await api.post(`/api/directory/services/${id}/verify`);
    announce(t('directory.mod.verified'));
    reload();
  });
  return (
    <div className="narrow">
      <PageHeader title={t('directory.mod.recheck')} lead={t('directory.mod.recheckLead')} />
      {loading ? <Loading /> : error ? <ErrorAlert error={error} retry={reload} /> : null}
      {data?.contents.length === 0 ? <Paragraph>{t('directory.mod.recheckNone')}</Paragraph> : null}
      {verify.failure ? <ErrorAlert error={verify.failure} /> : null}
      <ul className="card-list">
        {data?.contents.map((s) => (
          <li key={s.id}>
            <Card data-color="neutral">
              <Heading level={2} data-size="xs">
                <Link to={`/aktiviteter/${s.id}`} className="ds-link">
                  {s.name}
                </Link>
              </Heading>
              <Paragraph data-size="sm">
                {t('directory.by', { org: s.organization.name })} · {checkedText(s, t, i18n.language)}
              </Paragraph>
              <Button data-size="sm" onClick={() => void verify.run(s.id)} disabled={verify.busy}>
                {t('directory.mod.verify')}
              </Button>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
